namespace Conduit.AuthService;

/// <summary>A new account for <see cref="AuthClient.RegisterAsync(RegisterRequest, CancellationToken)"/>.</summary>
/// <param name="Email">The email address to log in with.</param>
/// <param name="Password">The password; it must satisfy the server's password policy.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <remarks><see cref="ToString"/> hides the password.</remarks>
public sealed record RegisterRequest(string Email, string Password, string FirstName, string LastName)
{
    /// <summary>Describes the request without its password.</summary>
    /// <returns>A one-line description safe for logs.</returns>
    public override string ToString() => $"RegisterRequest {{ Email = {Email}, Password = [REDACTED], FirstName = {FirstName}, LastName = {LastName} }}";
}
