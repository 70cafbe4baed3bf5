using Conduit.Cli.Commands.Auth;
using Conduit.Http;
using Conduit.Mist.Credentials;
using Conduit.Mist.Sessions;
using Conduit.Mist.Streaming;
using Microsoft.Extensions.Options;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// Turns what went wrong into an exit code, one line for people, and details for <c>--verbose</c>:
/// usage problems (including files that cannot be read) → 2; refused or missing credentials, and API answers 401/403 → 3; other API failures → 1.
/// </summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Message">The one-line message (redact before showing).</param>
/// <param name="Details">Extra lines for <c>--verbose</c>.</param>
internal sealed record MistCommandFailure(int ExitCode, string Message, IReadOnlyList<string> Details)
{
    /// <summary>The credential keys whose problems are authentication problems (the rest are settings: usage errors).</summary>
    private static readonly HashSet<string> SettingKeys = new(StringComparer.Ordinal)
    {
        MistCredentialKeys.Timeout, MistCredentialKeys.MaxRetries, MistCredentialKeys.BackoffFactor, MistCredentialKeys.RateLimitThreshold,
        MistCredentialKeys.ConsoleLogLevel, MistCredentialKeys.FileLogLevel, MistCredentialKeys.HttpsProxy, MistCredentialKeys.HttpsProxyLowerCase,
        MistCredentialKeys.EnvFile, MistCredentialKeys.OrgId,
    };

    /// <summary>Classifies an exception; null for one that is not a known failure (a bug: let it surface).</summary>
    public static MistCommandFailure? From(Exception exception) => exception switch
    {
        CommandInputException ex => new(CliExitCodes.UsageError, ex.Message, []),
        MistCredentialException ex => new(ex.Key is { } key && SettingKeys.Contains(key) ? CliExitCodes.UsageError : CliExitCodes.AuthError, ex.Message, Inner(ex)),
        MistAuthenticationException ex => new(CliExitCodes.AuthError, ex.Message, Api(ex)),
        ApiException ex => new(CliExitCodes.For(ex), ex.Details is { Length: > 0 } details && !ex.Message.Contains(details, StringComparison.Ordinal) ? $"{ex.Message} {details}" : ex.Message, Api(ex)),
        MistStreamException ex => new(ex.Kind == MistStreamErrorKind.Unauthorized ? CliExitCodes.AuthError : CliExitCodes.ApiError, ex.Message, Inner(ex)),
        OptionsValidationException ex => new(CliExitCodes.UsageError, ex.Message, []),
        KeyNotFoundException ex => new(CliExitCodes.UsageError, ex.Message, []),
        IOException ex => new(CliExitCodes.UsageError, ex.Message, []),
        UnauthorizedAccessException ex => new(CliExitCodes.UsageError, ex.Message, []),
        ArgumentException ex => new(CliExitCodes.UsageError, ex.Message, []),
        _ => null,
    };

    private static List<string> Api(ApiException exception)
    {
        var details = new List<string>();
        if (exception.Method is not null || exception.RequestUri is not null)
        {
            details.Add($"request: {exception.Method} {exception.RequestUri}");
        }

        if (exception.StatusCode is { } status)
        {
            details.Add($"status: {status}");
        }

        if (exception.ResponseBody is { Length: > 0 } body)
        {
            details.Add("response: " + (body.Length > 2000 ? body[..2000] + "…" : body));
        }

        details.AddRange(Inner(exception));
        return details;
    }

    private static List<string> Inner(Exception exception)
    {
        var details = new List<string> { $"exception: {exception.GetType().Name}" };
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            details.Add($"caused by {inner.GetType().Name}: {inner.Message}");
        }

        return details;
    }
}
