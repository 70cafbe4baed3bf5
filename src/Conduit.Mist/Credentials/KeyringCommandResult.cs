namespace Conduit.Mist.Credentials;

/// <summary>How a keyring tool ended. <see cref="StandardOutput"/> may hold a secret and is never logged.</summary>
internal sealed record KeyringCommandResult(int ExitCode, string StandardOutput, string StandardError);
