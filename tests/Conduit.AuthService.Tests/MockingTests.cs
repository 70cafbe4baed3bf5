using Conduit.Http;

namespace Conduit.AuthService.Tests;

public sealed class MockingTests
{
    [Fact]
    public async Task AuthClient_SubclassedWithProtectedConstructor_ServesCannedResults()
    {
        using AuthClient client = new CannedAuthClient();

        var user = await client.GetCurrentUserAsync(TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<AuthException>(() => client.LoginAsync("a@example.com", "x", TestContext.Current.CancellationToken));

        Assert.Equal("Test User", user.FullName);
        Assert.Equal("Test User", client.GetCurrentUser(TestContext.Current.CancellationToken).FullName);
        Assert.Equal("invalid_credentials", refused.ErrorCode);
        Assert.Equal("is wrong", refused.Details["password"]);
    }

    [Fact]
    public void User_FullName_JoinsFirstAndLastName()
    {
        Assert.Equal("Ada Lovelace", new User { Id = "1", Email = "a@example.com", FirstName = "Ada", LastName = "Lovelace" }.FullName);
        Assert.Equal("Ada", new User { Id = "1", Email = "a@example.com", FirstName = "Ada", LastName = "" }.FullName);
    }

    private sealed class CannedAuthClient : AuthClient
    {
        private static readonly User Canned = new() { Id = "42", Email = "test@example.com", FirstName = "Test", LastName = "User", IsActive = true };

        public override Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) => Task.FromResult(Canned);

        public override User GetCurrentUser(CancellationToken cancellationToken = default) => Canned;

        public override Task<AuthResponse> LoginAsync(string email, string password, CancellationToken cancellationToken = default) =>
            throw new AuthException("Login failed.", "POST", null, new ApiResponse(System.Net.HttpStatusCode.Unauthorized, default),
                "invalid_credentials", "The email address or password is incorrect.", new Dictionary<string, string> { ["password"] = "is wrong" });
    }
}
