namespace Conduit.Mist.Credentials;

/// <summary>Reads and copies one field of <see cref="MistCredentials"/> by its <see cref="MistCredentialFields"/> flag.</summary>
internal static class MistCredentialFieldAccess
{
    public static bool Has(MistCredentials credentials, MistCredentialFields field) => field switch
    {
        MistCredentialFields.Host => credentials.Host is not null,
        MistCredentialFields.ApiTokens => credentials.ApiTokens is not null,
        MistCredentialFields.User => credentials.User is not null,
        MistCredentialFields.Password => credentials.Password is not null,
        MistCredentialFields.OrgId => credentials.OrgId is not null,
        MistCredentialFields.Timeout => credentials.Timeout is not null,
        MistCredentialFields.MaxRetries => credentials.MaxRetries is not null,
        MistCredentialFields.BackoffFactor => credentials.BackoffFactor is not null,
        MistCredentialFields.RateLimitThreshold => credentials.RateLimitThreshold is not null,
        MistCredentialFields.Proxy => credentials.Proxy is not null,
        MistCredentialFields.ConsoleLogLevel => credentials.ConsoleLogLevel is not null,
        MistCredentialFields.FileLogLevel => credentials.FileLogLevel is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Expected exactly one credential field."),
    };

    /// <summary>Returns <paramref name="target"/> with <paramref name="field"/> taken from <paramref name="from"/>.</summary>
    public static MistCredentials Copy(MistCredentials target, MistCredentials from, MistCredentialFields field) => field switch
    {
        MistCredentialFields.Host => target with { Host = from.Host },
        MistCredentialFields.ApiTokens => target with { ApiTokens = from.ApiTokens },
        MistCredentialFields.User => target with { User = from.User },
        MistCredentialFields.Password => target with { Password = from.Password },
        MistCredentialFields.OrgId => target with { OrgId = from.OrgId },
        MistCredentialFields.Timeout => target with { Timeout = from.Timeout },
        MistCredentialFields.MaxRetries => target with { MaxRetries = from.MaxRetries },
        MistCredentialFields.BackoffFactor => target with { BackoffFactor = from.BackoffFactor },
        MistCredentialFields.RateLimitThreshold => target with { RateLimitThreshold = from.RateLimitThreshold },
        MistCredentialFields.Proxy => target with { Proxy = from.Proxy },
        MistCredentialFields.ConsoleLogLevel => target with { ConsoleLogLevel = from.ConsoleLogLevel },
        MistCredentialFields.FileLogLevel => target with { FileLogLevel = from.FileLogLevel },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Expected exactly one credential field."),
    };

    /// <summary>Returns <paramref name="credentials"/> keeping only the fields in <paramref name="fields"/>.</summary>
    public static MistCredentials Keep(MistCredentials credentials, MistCredentialFields fields)
    {
        var kept = MistCredentials.Empty;
        foreach (var field in MistCredentialKeys.Split(fields & credentials.PresentFields))
        {
            kept = Copy(kept, credentials, field);
        }

        return kept;
    }
}
