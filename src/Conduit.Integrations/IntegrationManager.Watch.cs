using Conduit.Integrations.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Conduit.Integrations;

/// <summary>Reload-on-change from an <see cref="IConfiguration"/> section.</summary>
public sealed partial class IntegrationManager
{
    private readonly List<IDisposable> _watchers = [];

    /// <summary>
    /// Loads the integrations of <paramref name="section"/> now and again whenever it reloads (for example a JSON file
    /// added with <c>reloadOnChange: true</c>): new integrations are registered, changed ones updated, and ones that
    /// disappeared from the section unregistered. A reload with any error changes nothing and is logged (every problem
    /// listed); integrations registered in code are never touched.
    /// </summary>
    /// <returns>A handle that stops watching when disposed (the manager also stops when disposed).</returns>
    /// <exception cref="IntegrationConfigurationException">The section is invalid now; every problem listed.</exception>
    public IDisposable WatchConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var watcher = new ConfigurationWatch(this, section);
        watcher.Apply(throwOnError: true);
        watcher.Subscription = ChangeToken.OnChange(section.GetReloadToken, static w => w.Apply(throwOnError: false), watcher);
        lock (_writeLock)
        {
            _watchers.Add(watcher);
        }

        return watcher;
    }

    private void DisposeWatchers()
    {
        IDisposable[] watchers;
        lock (_writeLock)
        {
            watchers = [.. _watchers];
            _watchers.Clear();
        }

        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }
    }

    private sealed class ConfigurationWatch(IntegrationManager manager, IConfiguration section) : IDisposable
    {
        private readonly Dictionary<string, string> _fingerprints = new(StringComparer.OrdinalIgnoreCase);
        private readonly Lock _lock = new();

        public IDisposable? Subscription { get; set; }

        public void Apply(bool throwOnError)
        {
            lock (_lock)
            {
                var errors = new List<string>();
                var list = IntegrationConfiguration.Read(section, manager._options.Environment, errors);
                if (errors.Count > 0)
                {
                    if (throwOnError)
                    {
                        throw new IntegrationConfigurationException(errors);
                    }

                    ReloadLog.ReloadRejected(manager._logger, errors.Count, string.Join(" | ", errors));
                    return;
                }

                var fingerprints = section.GetChildren().ToDictionary(
                    static c => c.GetSection("name").Value is { Length: > 0 } n ? n : c.Key,
                    static c => string.Join('\n', c.AsEnumerable(makePathsRelative: true).OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => p.Key + "=" + p.Value)),
                    StringComparer.OrdinalIgnoreCase);
                lock (manager._writeLock)
                {
                    foreach (var name in _fingerprints.Keys.Where(n => !fingerprints.ContainsKey(n)).ToList())
                    {
                        manager.Unregister(name);
                        _fingerprints.Remove(name);
                    }

                    foreach (var options in list)
                    {
                        var fingerprint = fingerprints.GetValueOrDefault(options.Name, string.Empty);
                        if (!_fingerprints.TryGetValue(options.Name, out var previous) || previous != fingerprint || !manager.Contains(options.Name))
                        {
                            manager.RegisterOrUpdate(options);
                            _fingerprints[options.Name] = fingerprint;
                        }
                    }
                }
            }
        }

        public void Dispose() => Subscription?.Dispose();
    }

    private static partial class ReloadLog
    {
        [LoggerMessage(EventId = 110, Level = LogLevel.Error, Message = "Integration configuration reload rejected ({Count} problems); the previous integrations stay in place: {Errors}")]
        public static partial void ReloadRejected(ILogger logger, int count, string errors);
    }
}
