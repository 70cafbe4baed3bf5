using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Handlers;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.Seeding;
using Conduit.Sandbox.State;
using Conduit.Sandbox.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.Sandbox;

/// <summary>
/// An offline emulator of the Juniper Mist Cloud API on Kestrel (loopback only). Every operation
/// of the Mist OpenAPI document is routed and validated; a stateful core serves self, orgs, sites,
/// devices, inventory, WLANs, alarm and event searches and stats; token and login/CSRF/2FA
/// authentication, hourly quotas, paging headers and fault injection behave like the service.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions(), ct);
/// using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
/// client.DefaultRequestHeaders.Add("Authorization", $"Token {sandbox.Seed.Tokens[0]}");
/// var self = await client.GetStringAsync("/api/v1/self", ct);
/// </code>
/// </example>
public sealed class MistSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly X509Certificate2? certificate;
    private readonly QuotaTracker quota;
    private readonly bool deletePem;
    private int disposed;

    private MistSandbox(WebApplication app, X509Certificate2? certificate, QuotaTracker quota, MistSandboxSeedData seed, MistSandboxCounters counters, MistSandboxFaults faults, MistSandboxStreams streams, string? pemPath, bool deletePem)
    {
        Streams = streams;
        this.app = app;
        this.certificate = certificate;
        this.quota = quota;
        this.deletePem = deletePem;
        Seed = seed;
        Counters = counters;
        Faults = faults;
        CertificatePemPath = pemPath;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        HttpsBaseUrl = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal));
    }

    /// <summary>The HTTP base URL, e.g. <c>http://127.0.0.1:5123</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The HTTPS base URL, or null when HTTPS is disabled.</summary>
    public string? HttpsBaseUrl { get; }

    /// <summary>The PEM file of the HTTPS certificate (trust exactly it), or null when HTTPS is disabled.</summary>
    public string? CertificatePemPath { get; }

    /// <summary>The HTTPS certificate (public part), or null when HTTPS is disabled.</summary>
    public X509Certificate2? Certificate => certificate;

    /// <summary>The seeded demo data: tokens, MSP, org and site ids, users.</summary>
    public MistSandboxSeedData Seed { get; }

    /// <summary>Server-side request counts.</summary>
    public MistSandboxCounters Counters { get; }

    /// <summary>The fault rules in force; change them at any time.</summary>
    public MistSandboxFaults Faults { get; }

    /// <summary>The WebSocket stream endpoint (<c>/api-ws/v1/stream</c>): its counts, live channels, and event publishing.</summary>
    public MistSandboxStreams Streams { get; }

    /// <summary>The WebSocket stream URL, e.g. <c>ws://127.0.0.1:5123/api-ws/v1/stream</c>.</summary>
    public string StreamUrl => "ws" + BaseUrl["http".Length..] + MistSandboxStreams.StreamPath;

    /// <summary>How many operations the sandbox routes (all of the document's).</summary>
    public static int OperationCount => SandboxCatalog.Default.Table.Operations.Length;

    /// <summary>The Mist document release the route table was generated from.</summary>
    public static string DocumentVersion => SandboxCatalog.Default.Table.Version;

    /// <summary>Starts a sandbox on 127.0.0.1 and returns once it accepts requests.</summary>
    public static async Task<MistSandbox> StartAsync(MistSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MistSandboxOptions();
        options.Validate();
        var catalog = SandboxCatalog.Default;
        var state = new MistState(options.TimeProvider, new IdFactory(options.Seed));
        var seed = DemoSeeder.Seed(state, options);
        var sessions = new SessionStore();
        var owner = state.Accounts[0];
        var tokens = seed.Tokens.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => owner, StringComparer.Ordinal);
        var counters = new MistSandboxCounters(options.RequestIdHeader);
        var faults = new MistSandboxFaults(options.Seed, options.Faults);
        var quota = new QuotaTracker(options.HourlyQuota, options.TimeProvider);
        var handlers = RegisterHandlers(new HandlerContext(state, sessions, catalog.Table, ResponseCatalog.Shared));

        var certificate = options.EnableHttps ? CertificateFactory.Create() : null;
        string? pemPath = null;
        var deletePem = false;
        if (certificate is not null)
        {
            deletePem = options.CertificatePemPath is null;
            pemPath = options.CertificatePemPath ?? Path.Combine(Path.GetTempPath(), $"conduit-mist-sandbox-{Guid.NewGuid():N}.pem");
            await File.WriteAllTextAsync(pemPath, certificate.ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MistSandbox).Assembly.GetName().Name,
            // The sandbox reads no configuration files: root it in its own folder and watch nothing, so a sandbox
            // started from a busy working directory (a repository being built) does not spend CPU on file events.
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        // The host logs nothing: ASP.NET Core's request logs carry raw paths, and paths can hold
        // secrets (/verify/{token}). Only the sandbox's own, redacted messages reach LoggerFactory.
        builder.Logging.ClearProviders();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            if (certificate is not null)
            {
                kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
            }
        });

        var app = builder.Build();
        var logger = options.LoggerFactory?.CreateLogger("Conduit.Sandbox") ?? NullLogger.Instance;
        var streams = new MistSandboxStreams(StreamServices.From(state, faults, options, logger));
        var pipeline = new SandboxPipeline(catalog.Routes, handlers, new Authenticator(state, sessions, tokens), quota, new ScopeGuard(state), counters, faults, streams, ResponseCatalog.Shared, options, logger);

        // Only the stream path pays for the WebSocket middleware; REST requests skip it.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api-ws", StringComparison.Ordinal), ws => ws.UseWebSockets());
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MistSandbox(app, certificate, quota, seed, counters, faults, streams, pemPath, deletePem);
    }

    /// <summary>Gives every token and user its full hourly budget again.</summary>
    public void ResetQuotas() => quota.Reset();

    /// <summary>
    /// Describes the sandbox as JSON for scripts (<c>conduit sandbox --info-file</c>): base URLs, the
    /// certificate path, tokens, MSP/org/site ids, and the demo users with passwords and TOTP secrets.
    /// </summary>
    public string ToInfoJson()
    {
        var info = new JsonObject
        {
            ["http"] = BaseUrl,
            ["https"] = HttpsBaseUrl,
            ["stream"] = StreamUrl,
            ["certificatePemPath"] = CertificatePemPath,
            ["documentVersion"] = DocumentVersion,
            ["operations"] = OperationCount,
            ["tokens"] = new JsonArray([.. Seed.Tokens.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["mspId"] = Seed.MspId,
            ["orgId"] = Seed.OrgId,
            ["siteIds"] = new JsonArray([.. Seed.SiteIds.Select(s => (JsonNode)JsonValue.Create(s))]),
            ["users"] = new JsonArray([.. Seed.Users.Select(u => (JsonNode)new JsonObject
            {
                ["email"] = u.Email,
                ["password"] = u.Password,
                ["totpSecret"] = u.TotpSecret,
                ["role"] = u.Role,
                ["description"] = u.Description,
            })]),
        };
        return info.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Stops the server, and deletes the certificate file when the sandbox chose its path.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await Streams.StopAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        certificate?.Dispose();
        if (deletePem && CertificatePemPath is not null)
        {
            File.Delete(CertificatePemPath);
        }
    }

    private static Dictionary<string, StatefulHandler> RegisterHandlers(HandlerContext context)
    {
        var handlers = new Dictionary<string, StatefulHandler>(StringComparer.Ordinal);
        new LoginHandlers(context).Register(handlers);
        new SelfHandlers(context).Register(handlers);
        new OrgSiteHandlers(context).Register(handlers);
        new DeviceHandlers(context).Register(handlers);
        new WlanHandlers(context).Register(handlers);
        new SearchHandlers(context).Register(handlers);
        new StatsHandlers(context).Register(handlers);

        // Handlers bind by operation id; one the document no longer has is dropped (its route answers generically).
        foreach (var id in handlers.Keys.Where(id => !context.Table.ById.ContainsKey(id)).ToList())
        {
            handlers.Remove(id);
        }

        return handlers;
    }
}
