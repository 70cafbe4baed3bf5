using System.Diagnostics.Metrics;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using Conduit.Http.Telemetry;
using Conduit.Http.Transport;
using Microsoft.Extensions.Logging;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// The clients a full call is measured with: raw <see cref="HttpClient"/> as the load harness uses it, and Conduit from
/// bare to the harness's "full pipeline" (auth, retry, token bucket, timeouts, metrics listener, logger at Information),
/// one feature at a time, so each feature's cost per call shows as a difference.
/// </summary>
internal static class CallSetups
{
    public static readonly Uri JsonPath = new("json", UriKind.Relative);

    /// <summary>The probe's variants, in order: name and a factory of "send one GET /json and read the body".</summary>
    public static IReadOnlyList<(string Name, Func<Uri, CallDriver> Create)> All { get; } =
    [
        ("raw HttpClient (harness baseline)", b => Raw(b, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })),
        ("raw HttpClient, Conduit's handler", b => Raw(b, HttpHandlerFactory.Create(new ConduitClientOptions()))),
        ("Conduit bare (no retry/timeouts/auth/limit)", b => Conduit(b, o => { o.Retry.MaxRetries = 0; o.AttemptTimeout = o.TotalTimeout = Timeout.InfiniteTimeSpan; })),
        ("Conduit + retry", b => Conduit(b, o => o.AttemptTimeout = o.TotalTimeout = Timeout.InfiniteTimeSpan)),
        ("Conduit + retry + timeouts (defaults)", b => Conduit(b, _ => { })),
        ("  + API-key auth", b => Conduit(b, o => o.Authentication = HeaderAuthentication.ApiKey("bench-api-key-0123456789"))),
        ("  + auth + token bucket", b => Conduit(b, FullOptions)),
        ("  + auth + bucket + metrics listener", b => Conduit(b, FullOptions, metrics: true)),
        ("  + auth + bucket + logger (Information)", b => Conduit(b, FullOptions, logging: true)),
        ("Conduit full pipeline (harness)", b => Conduit(b, FullOptions, metrics: true, logging: true)),
    ];

    public static void FullOptions(ConduitClientOptions options)
    {
        options.Authentication = HeaderAuthentication.ApiKey("bench-api-key-0123456789");
        options.RateLimit = new RateLimitOptions { RequestsPerWindow = 10_000_000, Window = TimeSpan.FromSeconds(1), Burst = 10_000_000 };
    }

    public static CallDriver Raw(Uri baseAddress, SocketsHttpHandler handler)
    {
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        return new CallDriver(
            async () =>
            {
                using var response = await client.GetAsync(JsonPath).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            },
            client);
    }

    public static CallDriver Conduit(Uri baseAddress, Action<ConduitClientOptions> configure, bool metrics = false, bool logging = false)
    {
        var options = new ConduitClientOptions { Name = "bench", BaseAddress = baseAddress };
        configure(options);
        MeterListener? listener = null;
        if (metrics)
        {
            listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == ConduitHttpTelemetry.MeterName)
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            listener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            listener.Start();
        }

        var client = new ConduitClient(options, logging ? new InformationLoggerFactory() : null);
        return new CallDriver(async () => _ = await client.GetAsync("json").ConfigureAwait(false), client, listener);
    }

    /// <summary>The full pipeline over an HttpClient on <paramref name="handler"/> (to measure without a network).</summary>
    public static CallDriver ConduitOver(HttpMessageHandler handler, Uri baseAddress)
    {
        var options = new ConduitClientOptions { Name = "bench", BaseAddress = baseAddress };
        FullOptions(options);
        var client = new ConduitClient(new HttpClient(handler), options, new InformationLoggerFactory(), disposeHttpClient: true);
        return new CallDriver(async () => _ = await client.GetAsync("json").ConfigureAwait(false), client);
    }

    /// <summary>A logger enabled at Information and above that formats nothing (as the harness's).</summary>
    private sealed class InformationLoggerFactory : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>One client ready to send <c>GET /json</c>; disposing it releases the client and any listener.</summary>
internal sealed class CallDriver(Func<Task> send, params IDisposable?[] owned) : IDisposable
{
    public Task SendAsync() => send();

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item?.Dispose();
        }
    }
}
