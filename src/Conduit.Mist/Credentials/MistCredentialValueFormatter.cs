using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>Writes one field as the text the sources read back (used to save credentials in the keyring).</summary>
internal static class MistCredentialValueFormatter
{
    public static string? Format(MistCredentials credentials, MistCredentialFields field) => field switch
    {
        MistCredentialFields.Host => credentials.Host,
        MistCredentialFields.ApiTokens => credentials.ApiTokens is null ? null : string.Join(',', credentials.ApiTokens),
        MistCredentialFields.User => credentials.User,
        MistCredentialFields.Password => credentials.Password,
        MistCredentialFields.OrgId => credentials.OrgId,
        MistCredentialFields.Timeout => credentials.Timeout?.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        MistCredentialFields.MaxRetries => credentials.MaxRetries?.ToString(CultureInfo.InvariantCulture),
        MistCredentialFields.BackoffFactor => credentials.BackoffFactor?.ToString(CultureInfo.InvariantCulture),
        MistCredentialFields.RateLimitThreshold => credentials.RateLimitThreshold?.ToString(CultureInfo.InvariantCulture),
        MistCredentialFields.Proxy => credentials.Proxy?.OriginalString,
        MistCredentialFields.ConsoleLogLevel => FormatLevel(credentials.ConsoleLogLevel),
        MistCredentialFields.FileLogLevel => FormatLevel(credentials.FileLogLevel),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Expected exactly one credential field."),
    };

    private static string? FormatLevel(LogLevel? level) => level switch
    {
        null => null,
        LogLevel.None => "0",
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "10",
        LogLevel.Information => "20",
        LogLevel.Warning => "30",
        LogLevel.Error => "40",
        _ => "50",
    };
}
