namespace Conduit.Samples.WebSignIn;

/// <summary>The fields of the sign-in form.</summary>
internal sealed record LoginForm(string Email, string Password);
