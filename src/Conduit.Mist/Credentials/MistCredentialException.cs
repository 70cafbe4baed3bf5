namespace Conduit.Mist.Credentials;

/// <summary>
/// A credential is missing or malformed, or a credential source (a <c>.env</c> file, Vault, the keyring, a prompt)
/// failed. The message names the source and the key, e.g. <c>MIST_TIMEOUT in environment is not a number: 'abc'</c>,
/// and never contains a secret value.
/// </summary>
public class MistCredentialException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public MistCredentialException()
        : base("The Mist credentials could not be resolved.")
    {
    }

    /// <summary>Creates an exception with a message that contains no secret.</summary>
    /// <param name="message">The message.</param>
    public MistCredentialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message that contains no secret and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MistCredentialException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one key of one source.</summary>
    /// <param name="message">The message, naming the source and the key, without any secret.</param>
    /// <param name="credentialSource">The source's display name, e.g. <c>environment</c>.</param>
    /// <param name="key">The key, e.g. <c>MIST_TIMEOUT</c>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MistCredentialException(string message, string? credentialSource, string? key, Exception? innerException = null)
        : base(message, innerException)
    {
        CredentialSource = credentialSource;
        Key = key;
    }

    /// <summary>The display name of the source at fault (e.g. <c>environment</c>, <c>.env file '/app/.env'</c>), if one is.</summary>
    public string? CredentialSource { get; }

    /// <summary>The key at fault (e.g. <c>MIST_TIMEOUT</c>), if one is.</summary>
    public string? Key { get; }
}
