using System.Net;
using System.Text;
using System.Text.Json;
using Conduit.AuthServer.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task GetCurrentUser_AccessTokenPastLifetime_Returns401TokenExpired()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { ClockSkew = TimeSpan.Zero });
        var auth = await server.RegisterAsync("clock@example.com");

        server.Time.Advance(TimeSpan.FromMinutes(14));
        using (var stillValid = await server.GetAsync("users/me", auth.Str("access_token")))
        {
            await Expect.JsonAsync(stillValid, HttpStatusCode.OK);
        }

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var expired = await server.GetAsync("users/me", auth.Str("access_token"));

        await Expect.ErrorAsync(expired, HttpStatusCode.Unauthorized, "token_expired");
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCurrentUser_ExpiredAccessTokenThenRefresh_WorksAgain()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("renew@example.com");
        server.Time.Advance(TimeSpan.FromHours(1));

        using var refreshed = await server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") });
        var body = await Expect.JsonAsync(refreshed, HttpStatusCode.OK);

        using var me = await server.GetAsync("users/me", body.Str("access_token"));
        await Expect.JsonAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetCurrentUser_TokenSignedWithOtherKey_Returns401()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("forge@example.com");
        var forged = CreateToken(server, auth.GetProperty("user").Str("id"), key: "another-signing-key-that-is-long-enough-0123456789");

        using var response = await server.GetAsync("users/me", forged);

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task GetCurrentUser_AlgNoneToken_Returns401()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("none@example.com");
        var now = server.Time.GetUtcNow().ToUnixTimeSeconds();
        var header = Encode(new { alg = "none", typ = "at+jwt" });
        var payload = Encode(new { sub = auth.GetProperty("user").Str("id"), iss = "conduit-auth", aud = "conduit", iat = now, nbf = now, exp = now + 600 });

        foreach (var token in new[] { $"{header}.{payload}.", $"{header}.{payload}" })
        {
            using var response = await server.GetAsync("users/me", token);
            await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
        }
    }

    [Theory]
    [InlineData("other-issuer", "conduit")]
    [InlineData("conduit-auth", "other-audience")]
    public async Task GetCurrentUser_WrongIssuerOrAudience_Returns401(string issuer, string audience)
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("aud@example.com");
        var token = CreateToken(server, auth.GetProperty("user").Str("id"), issuer: issuer, audience: audience);

        using var response = await server.GetAsync("users/me", token);

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task GetCurrentUser_CorrectlySignedTestToken_IsAccepted()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("control@example.com");

        using var response = await server.GetAsync("users/me", CreateToken(server, auth.GetProperty("user").Str("id")));

        await Expect.JsonAsync(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    public async Task GetCurrentUser_MalformedToken_Returns401(string token)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.GetAsync("users/me", token);

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task GetCurrentUser_NoAuthorizationHeader_Returns401WithChallenge()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.GetAsync("users/me");

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task GetCurrentUser_DeactivatedUserWithValidToken_Returns403()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("off@example.com");
        using (var deactivated = await server.PatchAsync($"admin/users/{auth.GetProperty("user").Str("id")}", new { is_active = false }))
        {
            await Expect.JsonAsync(deactivated, HttpStatusCode.OK);
        }

        using var response = await server.GetAsync("users/me", auth.Str("access_token"));

        await Expect.ErrorAsync(response, HttpStatusCode.Forbidden, "account_inactive");
    }

    private static string CreateToken(TestAuthServer server, string userId, string key = TestAuthServer.SigningKey, string issuer = "conduit-auth", string audience = "conduit")
    {
        var now = server.Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = userId },
        });
    }

    private static string Encode(object value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
}
