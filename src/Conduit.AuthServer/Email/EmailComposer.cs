namespace Conduit.AuthServer.Email;

/// <summary>Builds the text of the emails the service sends.</summary>
internal static class EmailComposer
{
    public static EmailMessage Verification(string to, string token, TimeSpan lifetime) => new(
        to,
        "Verify your email address",
        $"Welcome! Confirm your email address by submitting this token to auth/verify-email:\n\n{token}\n\nIt expires in {Describe(lifetime)}.",
        EmailKind.EmailVerification,
        token);

    public static EmailMessage PasswordReset(string to, string token, TimeSpan lifetime) => new(
        to,
        "Reset your password",
        $"Someone asked to reset your password. Submit this token with a new password to auth/reset-password:\n\n{token}\n\nIt expires in {Describe(lifetime)}. If you did not ask for this, ignore this email.",
        EmailKind.PasswordReset,
        token);

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0.#} hours" : $"{lifetime.TotalMinutes:0.#} minutes";
}
