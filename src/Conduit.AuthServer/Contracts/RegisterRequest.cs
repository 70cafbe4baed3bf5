namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/register</c>.</summary>
internal sealed class RegisterRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }
}
