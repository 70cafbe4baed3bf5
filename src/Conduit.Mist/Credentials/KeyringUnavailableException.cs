namespace Conduit.Mist.Credentials;

/// <summary>
/// There is no usable keyring here: the platform has none Conduit supports, or its tool is not installed (for example
/// <c>secret-tool</c>, Debian package <c>libsecret-tools</c>). The message says which and how to fix it.
/// </summary>
public class KeyringUnavailableException : KeyringException
{
    /// <summary>Creates an exception with a default message.</summary>
    public KeyringUnavailableException()
        : base("No keyring is available on this machine.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public KeyringUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KeyringUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
