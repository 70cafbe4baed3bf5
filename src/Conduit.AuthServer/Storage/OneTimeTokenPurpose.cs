namespace Conduit.AuthServer.Storage;

/// <summary>What a single-use emailed token proves.</summary>
internal enum OneTimeTokenPurpose
{
    /// <summary>Ownership of the email address, to mark it verified.</summary>
    EmailVerification,

    /// <summary>Ownership of the email address, to set a new password.</summary>
    PasswordReset,
}
