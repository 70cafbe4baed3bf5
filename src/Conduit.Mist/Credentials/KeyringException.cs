namespace Conduit.Mist.Credentials;

/// <summary>A keyring operation failed. The message names the keyring and the account, never the secret.</summary>
public class KeyringException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public KeyringException()
        : base("The keyring operation failed.")
    {
    }

    /// <summary>Creates an exception with a message that contains no secret.</summary>
    /// <param name="message">The message.</param>
    public KeyringException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message that contains no secret and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KeyringException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
