using System.Diagnostics.Metrics;
using Conduit.AuthServer;
using Conduit.AuthServer.Email;
using Conduit.AuthService.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.AuthService.Tests.Infrastructure;

/// <summary>
/// A real auth server on loopback plus what a client test needs: a fake clock shared by server and clients (unless a
/// test gives the client its own), captured server and client logs at Trace level, a private meter factory to count the
/// client's refreshes, and the server's outbox for emailed tokens.
/// </summary>
public sealed class TestAuthService : IAsyncDisposable
{
    public const string SigningKey = "client-tests-signing-key-0123456789-abcdefghijklmnop";
    public const string ServerLogCategory = "Conduit.AuthServer";
    public const int ServerRefreshRotatedEventId = 5;

    private readonly List<AuthClient> _clients = [];
    private readonly ServiceProvider _metrics;

    private TestAuthService(AuthServerHost server, FakeTimeProvider time, CapturingLoggerProvider serverLogs)
    {
        Server = server;
        Time = time;
        ServerLogs = serverLogs;
        _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = _metrics.GetRequiredService<IMeterFactory>();
        ClientLoggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(ClientLogs));
    }

    public AuthServerHost Server { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider ServerLogs { get; }

    public CapturingLoggerProvider ClientLogs { get; } = new();

    public ILoggerFactory ClientLoggerFactory { get; }

    public IMeterFactory MeterFactory { get; }

    /// <summary>Refresh tokens the server rotated, counted from its own log events (an independent, server-side count).</summary>
    public int ServerRefreshCount => ServerLogs.Count(ServerLogCategory, ServerRefreshRotatedEventId);

    public static async Task<TestAuthService> StartAsync(Func<AuthServerOptions, AuthServerOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var options = new AuthServerOptions
        {
            SigningKey = SigningKey,
            PasswordHashIterations = 10,
            TimeProvider = time,
            DevelopmentMode = true,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs),
        };
        var server = await AuthServerHost.StartAsync(configure is null ? options : configure(options), TestContext.Current.CancellationToken);
        return new TestAuthService(server, time, logs);
    }

    /// <summary>A client of this server on the shared fake clock, logging to <see cref="ClientLogs"/>, metering to <see cref="MeterFactory"/>.</summary>
    public AuthClient CreateClient(Action<AuthClientOptions>? configure = null)
    {
        var options = new AuthClientOptions { BaseUrl = Server.BaseUrl, TimeProvider = Time };
        configure?.Invoke(options);
        var client = new AuthClient(options, ClientLoggerFactory, MeterFactory);
        _clients.Add(client);
        return client;
    }

    /// <summary>Starts counting the client refresh requests reported through the metrics (success and failure).</summary>
    public MetricCollector<long> CollectRefreshes() =>
        new(MeterFactory, AuthClientTelemetry.MeterName, AuthClientTelemetry.TokenRefreshes);

    /// <summary>The token of the newest email of <paramref name="kind"/> to <paramref name="email"/>.</summary>
    public async Task<string> EmailedTokenAsync(string email, EmailKind kind)
    {
        var message = await Server.Outbox.FindLatestAsync(email, kind, TestContext.Current.CancellationToken);
        Assert.NotNull(message);
        return message.Token;
    }

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        ClientLoggerFactory.Dispose();
        await _metrics.DisposeAsync();
        await Server.DisposeAsync();
    }
}
