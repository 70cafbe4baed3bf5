using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Conduit.Integrations.Metrics;

/// <summary>
/// The meter factory of a manager created without one: it returns one meter per name, so the manager's clients and its
/// metrics listener share a meter instance that no other code reports to.
/// </summary>
internal sealed class PrivateMeterFactory : IMeterFactory
{
    private readonly ConcurrentDictionary<string, Meter> _meters = new(StringComparer.Ordinal);

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _meters.GetOrAdd(options.Name, static (name, state) =>
            new Meter(new MeterOptions(name) { Version = state.Options.Version, Tags = state.Options.Tags, Scope = state.Factory }), (Options: options, Factory: this));
    }

    public void Dispose()
    {
        foreach (var meter in _meters.Values)
        {
            meter.Dispose();
        }

        _meters.Clear();
    }
}
