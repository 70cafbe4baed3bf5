namespace Conduit.Samples.WebSignIn;

/// <summary>The fields of the registration form.</summary>
internal sealed record RegisterForm(string Email, string Password, string FirstName, string LastName);
