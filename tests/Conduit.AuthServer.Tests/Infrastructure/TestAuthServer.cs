using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.AuthServer.Tests.Infrastructure;

/// <summary>A real auth server on loopback with fake time, captured logs and a raw-JSON HTTP client.</summary>
public sealed class TestAuthServer : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";
    public const string Password = "Correct-Horse-42!";

    private TestAuthServer(AuthServerHost host, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        Host = host;
        Time = time;
        Logs = logs;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public AuthServerHost Host { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    /// <summary>Options every test server starts from: fast hashing, fake time, development mode, log capture.</summary>
    public static AuthServerOptions DefaultOptions(FakeTimeProvider time, CapturingLoggerProvider logs) => new()
    {
        SigningKey = SigningKey,
        PasswordHashIterations = 10,
        TimeProvider = time,
        DevelopmentMode = true,
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs),
    };

    public static async Task<TestAuthServer> StartAsync(Func<AuthServerOptions, AuthServerOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var options = DefaultOptions(time, logs);
        var host = await AuthServerHost.StartAsync(configure is null ? options : configure(options), TestContext.Current.CancellationToken);
        return new TestAuthServer(host, time, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? accessToken = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body), accessToken);

    public Task<HttpResponseMessage> PatchAsync(string path, object body, string? accessToken = null) =>
        SendAsync(HttpMethod.Patch, path, JsonSerializer.Serialize(body), accessToken);

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken = null) =>
        SendAsync(HttpMethod.Get, path, null, accessToken);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? accessToken = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Registers a user and returns the <c>AuthResponse</c> body.</summary>
    public async Task<JsonElement> RegisterAsync(string email, string password = Password, string firstName = "Ada", string lastName = "Lovelace")
    {
        using var response = await PostAsync("auth/register", new { email, password, first_name = firstName, last_name = lastName });
        return await Expect.JsonAsync(response, System.Net.HttpStatusCode.Created);
    }

    public async Task<JsonElement> LoginAsync(string email, string password = Password)
    {
        using var response = await PostAsync("auth/login", new { email, password });
        return await Expect.JsonAsync(response, System.Net.HttpStatusCode.OK);
    }

    /// <summary>The token of the newest email of <paramref name="kind"/> sent to <paramref name="email"/>.</summary>
    public async Task<string> LatestTokenAsync(string email, Email.EmailKind kind)
    {
        var message = await Host.Outbox.FindLatestAsync(email, kind, TestContext.Current.CancellationToken);
        Assert.NotNull(message);
        Assert.Contains(message.Token, message.Body, StringComparison.Ordinal);
        return message.Token;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
