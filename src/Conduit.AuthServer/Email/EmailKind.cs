namespace Conduit.AuthServer.Email;

/// <summary>What an email sent by the auth service is for.</summary>
public enum EmailKind
{
    /// <summary>Carries a token that verifies the recipient's email address.</summary>
    EmailVerification,

    /// <summary>Carries a token that lets the recipient choose a new password.</summary>
    PasswordReset,
}
