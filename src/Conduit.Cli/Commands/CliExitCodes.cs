using Conduit.Http;

namespace Conduit.Cli.Commands;

/// <summary>The tool's exit codes: 0 ok, 1 API error, 2 usage error, 3 authentication error.</summary>
internal static class CliExitCodes
{
    public const int Ok = 0;
    public const int ApiError = 1;
    public const int UsageError = 2;
    public const int AuthError = 3;

    /// <summary>The exit code for a failed call: 3 for 401/403, else 1.</summary>
    public static int For(ApiException exception) => exception.StatusCode is 401 or 403 ? AuthError : ApiError;
}
