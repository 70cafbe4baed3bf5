using Conduit.Http.Authentication;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Redaction;

/// <summary>A full run with secrets in headers, query strings and bodies leaves none in any log line or exception message.</summary>
public sealed class NoSecretInLogsTests
{
    private const string Token = "tok-4f8a9c1e77d2";
    private const string ApiKey = "key-0b7e55aa91c3";
    private const string Password = "pw-Correct-Horse-42";
    private const string Psk = "psk-very-secret-99";
    private const string SessionCookie = "sess-6c1d0a2b";
    private const string Csrf = "csrf-a9b8c7d6";
    private static readonly string[] Secrets = [Token, ApiKey, Password, Psk, SessionCookie, Csrf];

    private static void Map(WebApplication app)
    {
        app.MapPost("/login", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Append("Set-Cookie", $"sessionid={SessionCookie}; HttpOnly");
            ctx.Response.Headers.Append("Set-Cookie", $"csrftoken={Csrf}");
            return Results.Json(new { access_token = Token, user = "bob" });
        });
        app.MapPut("/wlans/1", () => Results.Json(new { ssid = "corp", psk = Psk }));
        app.MapGet("/fail", () => Results.Json(new { detail = $"token {Token} is not valid", password = Password }, statusCode: 403));
        app.MapGet("/boom", () => Results.Text($"internal error with key {ApiKey}", statusCode: 500));
    }

    [Fact]
    public async Task FullRun_SecretsEverywhere_NoSecretInAnyLogLineOrExceptionMessage()
    {
        await using var server = await LoopbackServer.StartAsync(Map);
        var logs = new CapturingLoggerProvider();
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 1);
        options.Authentication = new QueryApiKeyAuthentication(ApiKey, "api_key");
        options.DefaultHeaders["X-CSRFToken"] = Csrf;
        options.DefaultHeaders["Cookie"] = "sessionid=" + SessionCookie;
        options.LogBodies = true;
        using var client = new ConduitClient(options, logs);
        var ct = TestContext.Current.CancellationToken;
        var messages = new List<string>();

        await client.SendAsync(ApiRequest.Post("login").WithBody(JsonBody.FromText($$"""{"email":"bob@example.com","password":"{{Password}}"}""")).WithHeader("Authorization", "Token " + Token), ct);
        await client.PutAsync("wlans/1", JsonBody.FromText($$"""{"ssid":"corp","psk":"{{Psk}}"}"""), ct);
        messages.Add((await Assert.ThrowsAsync<ForbiddenException>(() => client.GetAsync("fail", ct))).Message);
        messages.Add((await Assert.ThrowsAsync<ServerErrorException>(() => client.GetAsync("boom", ct))).Message);
        messages.Add(Assert.Throws<ForbiddenException>(() => client.Get("fail?token=" + Token, ct)).Message);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("[REDACTED]", StringComparison.Ordinal));
        foreach (var line in logs.Lines.Concat(messages))
        {
            foreach (var secret in Secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"Secret leaked: {line}");
            }
        }
    }
}
