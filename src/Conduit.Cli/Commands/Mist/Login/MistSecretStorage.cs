namespace Conduit.Cli.Commands.Mist.Login;

/// <summary>Where the secret of a stored Mist login (the API token, or the password) is kept.</summary>
internal enum MistSecretStorage
{
    /// <summary>In the system keyring.</summary>
    Keyring,

    /// <summary>In the login file itself (mode 0600); API tokens only, never a password.</summary>
    File,

    /// <summary>Not stored: a password without a keyring is asked for (or read from the environment) each time.</summary>
    None,
}
