using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conduit.Http.DependencyInjection;

/// <summary>Builds each named client once, over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.</summary>
internal sealed class ConduitClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ConduitClientOptions> optionsMonitor,
    ConduitClientRegistry registry,
    ILoggerFactory? loggerFactory = null,
    IMeterFactory? meterFactory = null) : IConduitClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ConduitClient>> _clients = new(StringComparer.Ordinal);

    public ConduitClient GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Names.Contains(name))
        {
            throw new InvalidOperationException($"No Conduit client is registered under the name '{name}'. Register it with services.AddConduitClient(\"{name}\", ...).");
        }

        return _clients.GetOrAdd(name, n => new Lazy<ConduitClient>(() => Create(n))).Value;
    }

    private ConduitClient Create(string name)
    {
        var options = optionsMonitor.Get(name);
        var httpClient = httpClientFactory.CreateClient(ConduitClientRegistry.HttpClientName(name));
        return new ConduitClient(httpClient, options, loggerFactory, meterFactory, disposeHttpClient: true);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(static c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
