using System.Globalization;
using Conduit.Http.Telemetry;
using Conduit.Samples.Worker;
using Conduit.Sandbox;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

// A worker service that calls an API through the Conduit integration manager configured in appsettings.json
// (Conduit:Integrations), logs the integrations' health, and exports Conduit's metrics with OpenTelemetry.
//
//   Worker [--run-once] [--duration SECONDS] [--Conduit:Integrations:mist:baseUrl https://api.mist.com/api/v1/]
//
// When no baseUrl is configured for the "mist" integration (appsettings.json, environment variable
// Conduit__Integrations__mist__baseUrl, or the command line), an embedded Mist sandbox is started on loopback and the
// integration points at it, so the worker runs offline. --run-once polls once; --duration stops after that many seconds.
var runOnce = args.Contains("--run-once");
var durationIndex = Array.IndexOf(args, "--duration");
var duration = durationIndex >= 0 ? TimeSpan.FromSeconds(double.Parse(args[durationIndex + 1], CultureInfo.InvariantCulture)) : Timeout.InfiniteTimeSpan;
var hostArgs = args.Where((arg, i) => arg != "--run-once" && (durationIndex < 0 || (i != durationIndex && i != durationIndex + 1))).ToArray();

// appsettings.json is read from beside the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
await using var sandbox = string.IsNullOrEmpty(builder.Configuration["Conduit:Integrations:mist:baseUrl"])
    ? await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false })
    : null;
if (sandbox is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Conduit:Integrations:mist:baseUrl"] = sandbox.BaseUrl + "/api/v1/",
        ["Conduit:Integrations:mist:authentication:token"] = sandbox.Seed.Tokens[0],
    });
}

#region services
builder.Services.AddConduit(builder.Configuration);                 // Conduit:Integrations, validated at start, reloaded on change
builder.Services.AddHealthChecks().AddConduitIntegrations();        // one check per integration: conduit:<name>
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("conduit-worker-sample"))
    .WithMetrics(metrics => metrics
        .AddMeter(ConduitHttpTelemetry.MeterName)                   // conduit.http.client.* instruments
        .AddConsoleExporter());
#endregion
builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection("Worker")).PostConfigure(o => o.RunOnce |= runOnce);
builder.Services.AddHostedService<IntegrationPoller>();

using var host = builder.Build();
using var stop = new CancellationTokenSource(duration);
await host.RunAsync(stop.Token);
return Environment.ExitCode;
