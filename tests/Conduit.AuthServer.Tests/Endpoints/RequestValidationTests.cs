using System.Net;
using System.Text.Json;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class RequestValidationTests
{
    [Theory]
    [InlineData("plainaddress")]
    [InlineData("missing-at.example.com")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("spaces in@example.com")]
    [InlineData("trailing@example.")]
    public async Task Register_MalformedEmail_Returns400NamingEmail(string email)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync("auth/register", new { email, password = TestAuthServer.Password, first_name = "A", last_name = "B" });

        await Expect.ValidationErrorAsync(response, "email");
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("alllowercase1!")]
    [InlineData("ALLUPPERCASE1!")]
    [InlineData("NoDigitsHere!")]
    [InlineData("NoSymbols123")]
    public async Task Register_WeakPassword_Returns400NamingPasswordWithoutEchoingIt(string password)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync("auth/register", new { email = "weak@example.com", password, first_name = "A", last_name = "B" });

        var body = await Expect.ValidationErrorAsync(response, "password");
        Assert.DoesNotContain(password, body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_MissingFields_Returns400ListingEveryField()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync("auth/register", new { });

        var details = (await Expect.ValidationErrorAsync(response, "email")).GetProperty("details");
        Assert.Equal(["email", "first_name", "last_name", "password"], details.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Register_DuplicateEmailInOtherCase_Returns409()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("dup@example.com");

        using var response = await server.PostAsync("auth/register", new { email = " DUP@Example.com ", password = TestAuthServer.Password, first_name = "A", last_name = "B" });

        var body = await Expect.ErrorAsync(response, HttpStatusCode.Conflict, "email_taken");
        Assert.True(body.GetProperty("details").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Register_OversizedBody_Returns413()
    {
        await using var server = await TestAuthServer.StartAsync();
        var padding = new string('x', 70 * 1024);

        using var response = await server.PostAsync("auth/register", new { email = "big@example.com", password = TestAuthServer.Password, first_name = padding, last_name = "B" });

        await Expect.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Login_OversizedChunkedBody_Returns413()
    {
        await using var server = await TestAuthServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/login")
        {
            Content = new StreamContent(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new { email = new string('y', 100 * 1024) }))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await Expect.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Login_WrongContentType_Returns415(string contentType)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.SendAsync(HttpMethod.Post, "auth/login", """{"email":"a@example.com","password":"x"}""", contentType: contentType);

        await Expect.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"email\": 42, \"password\": true}")]
    [InlineData("{\"email\": \"a@example.com\",}")]
    [InlineData("")]
    public async Task Login_GarbageJson_Returns400InvalidJson(string json)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.SendAsync(HttpMethod.Post, "auth/login", json);

        await Expect.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("auth/register")]
    [InlineData("auth/login")]
    [InlineData("auth/refresh")]
    [InlineData("auth/forgot-password")]
    [InlineData("auth/reset-password")]
    [InlineData("auth/verify-email")]
    public async Task Post_EmptyObject_Returns400ValidationError(string path)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync(path, new { });

        await Expect.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404Json()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.GetAsync("auth/nothing-here");

        await Expect.ErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Get_PostOnlyRoute_Returns405Json()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.GetAsync("auth/login");

        await Expect.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns400AndKeepsPassword()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("keep@example.com");

        using var response = await server.PostAsync("auth/change-password", new { current_password = "Wrong-Password-1!", new_password = "Another-Secret-2!" }, auth.Str("access_token"));

        await Expect.ValidationErrorAsync(response, "current_password");
        await server.LoginAsync("keep@example.com");
    }

    [Fact]
    public async Task ChangePassword_WeakNewPassword_Returns400()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("weaknew@example.com");

        using var response = await server.PostAsync("auth/change-password", new { current_password = TestAuthServer.Password, new_password = "weak" }, auth.Str("access_token"));

        await Expect.ValidationErrorAsync(response, "new_password");
    }

    [Fact]
    public async Task UpdateProfile_BlankName_Returns400()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("blank@example.com");

        using var response = await server.PatchAsync("users/me", new { first_name = "  " }, auth.Str("access_token"));

        await Expect.ValidationErrorAsync(response, "first_name");
    }
}
