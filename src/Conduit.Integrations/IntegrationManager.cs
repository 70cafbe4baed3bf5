using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conduit.Http.Authentication;
using Conduit.Http.Telemetry;
using Conduit.Integrations.Configuration;
using Conduit.Integrations.Health;
using Conduit.Integrations.Metrics;
using Conduit.Integrations.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Conduit.Integrations;

/// <summary>
/// Named API integrations, each with its own pipeline (base URL, authentication, rate limit, retries, timeouts, TLS,
/// default headers), registered, updated and removed at run time. An update builds a new pipeline and swaps it in
/// atomically: calls already in flight finish on the old one, which is disposed after the last of them. Calls go through
/// <see cref="SendAsync"/>, <see cref="GetAsync"/>… by integration name, or through <see cref="GetClient"/>.
/// Thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var manager = new IntegrationManager();
/// manager.Register(new IntegrationOptions
/// {
///     Name = "github",
///     BaseUrl = new Uri("https://api.github.com/"),
///     Authentication = { Type = IntegrationAuthenticationType.Bearer, Token = "${ENV:GITHUB_TOKEN}" },
///     RateLimit = RateLimitOptions.PerSecond(10, burst: 20),
/// });
/// var response = await manager.GetAsync("github", "user");
/// </code>
/// </example>
public sealed partial class IntegrationManager : IDisposable
{
    private readonly ConcurrentDictionary<string, IntegrationEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _writeLock = new();
    private readonly IntegrationManagerOptions _options;
    private readonly IntegrationPipelineFactory _factory;
    private readonly IntegrationMetricsCollector _metrics;
    private readonly PrivateMeterFactory? _ownedMeterFactory;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <summary>Creates an empty manager.</summary>
    /// <param name="options">Shared settings (clock, environment); defaults when null.</param>
    /// <param name="loggerFactory">Where the clients log; nowhere when null.</param>
    /// <param name="meterFactory">
    /// Where the clients report the <c>Conduit.Http</c> meter (pass the host's, so OpenTelemetry sees it); the manager
    /// reads its per-integration metrics from that meter. A private factory when null.
    /// </param>
    public IntegrationManager(IntegrationManagerOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = new IntegrationManagerOptions
        {
            TimeProvider = options?.TimeProvider ?? TimeProvider.System,
            Environment = options?.Environment,
        };
        if (meterFactory is null)
        {
            _ownedMeterFactory = new PrivateMeterFactory();
            meterFactory = _ownedMeterFactory;
        }

        _logger = (ILogger?)loggerFactory?.CreateLogger("Conduit.Integrations.IntegrationManager") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _factory = new IntegrationPipelineFactory(_options, loggerFactory, meterFactory);
        _metrics = new IntegrationMetricsCollector(meterFactory.Create(ConduitHttpTelemetry.MeterName), _options.TimeProvider);
    }

    /// <summary>The names of the registered integrations, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _entries.Values.Select(static e => e.Current.Options.Name).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>How many integrations are registered.</summary>
    public int Count => _entries.Count;

    /// <summary>Registers a new integration.</summary>
    /// <exception cref="IntegrationConfigurationException">The options are invalid (every problem listed) or the name is taken.</exception>
    public void Register(IntegrationOptions options) => Apply(options, IntegrationWriteMode.Add);

    /// <summary>Replaces an integration's settings; calls in flight finish on the old pipeline.</summary>
    /// <exception cref="IntegrationConfigurationException">The options are invalid.</exception>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public void Update(IntegrationOptions options) => Apply(options, IntegrationWriteMode.Update);

    /// <summary>Registers the integration, or updates it when the name is taken.</summary>
    /// <exception cref="IntegrationConfigurationException">The options are invalid.</exception>
    public void RegisterOrUpdate(IntegrationOptions options) => Apply(options, IntegrationWriteMode.AddOrUpdate);

    /// <summary>Removes an integration; calls in flight finish first. Returns false when no integration has that name.</summary>
    public bool Unregister(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_writeLock)
        {
            if (!_entries.TryRemove(name, out var entry))
            {
                return false;
            }

            _metrics.Untrack(entry.Current.Options.Name);
            entry.Current.Retire();
            Log.Unregistered(_logger, entry.Current.Options.Name);
            return true;
        }
    }

    /// <summary>Whether an integration has that name.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>A copy of an integration's options (secrets as configured: <c>${ENV:…}</c> references stay references).</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public IntegrationOptions GetIntegration(string name) => GetEntry(name).Current.Options.Clone();

    /// <summary>Copies of every integration's options, sorted by name.</summary>
    public IReadOnlyList<IntegrationOptions> ListIntegrations() =>
        [.. _entries.Values.Select(static e => e.Current.Options.Clone()).OrderBy(static o => o.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>A client bound to one integration by name; it follows updates and fails once the integration is removed.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public IntegrationClient GetClient(string name)
    {
        var entry = GetEntry(name);
        return new IntegrationClient(this, entry.Current.Options.Name);
    }

    /// <summary>The authentication provider of an integration's current pipeline.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public AuthenticationProvider GetAuthentication(string name) => GetEntry(name).Current.Authentication;

    /// <summary>The shared limiter built by <see cref="IntegrationOptions.RateLimiterFactory"/>, or null when there is none.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public System.Threading.RateLimiting.RateLimiter? GetRateLimiter(string name) => GetEntry(name).Current.RateLimiter;

    /// <summary>Reads integrations from a configuration section and registers or updates each (all validated first: nothing changes if any is invalid).</summary>
    /// <returns>The names read.</returns>
    /// <exception cref="IntegrationConfigurationException">The configuration is invalid; every problem listed.</exception>
    public IReadOnlyList<string> LoadConfiguration(IConfiguration section) =>
        ApplyAll(IntegrationConfiguration.Load(section, _options.Environment));

    /// <summary>Reads a JSON configuration file (<c>{ "integrations": [ … ] }</c>) and registers or updates each integration.</summary>
    /// <returns>The names read.</returns>
    /// <exception cref="IntegrationConfigurationException">The file is missing or invalid; every problem listed.</exception>
    public IReadOnlyList<string> LoadFile(string path) =>
        ApplyAll(IntegrationConfiguration.LoadFile(path, _options.Environment));

    /// <summary>Disposes every pipeline (after its calls in flight) and stops reading metrics.</summary>
    public void Dispose()
    {
        DisposeWatchers();
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entry in _entries.Values)
            {
                entry.Current.Retire();
            }

            _entries.Clear();
        }

        _metrics.Dispose();
        _ownedMeterFactory?.Dispose();
    }

    internal IntegrationEntry GetEntry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _entries.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No integration named '{name}' is registered.");
    }

    /// <summary>Enters the current pipeline of an integration, retrying if an update retired it meanwhile.</summary>
    internal IntegrationPipeline Enter(string name)
    {
        while (true)
        {
            var pipeline = GetEntry(name).Current;
            if (pipeline.TryEnter())
            {
                return pipeline;
            }
        }
    }

    internal void RecordHealth(string name, IntegrationHealthSnapshot snapshot)
    {
        if (_entries.TryGetValue(name, out var entry))
        {
            entry.LastHealth = snapshot;
        }
    }

    private IReadOnlyList<string> ApplyAll(IReadOnlyList<IntegrationOptions> list)
    {
        lock (_writeLock)
        {
            foreach (var options in list)
            {
                Apply(options, IntegrationWriteMode.AddOrUpdate);
            }
        }

        return [.. list.Select(static o => o.Name)];
    }

    private void Apply(IntegrationOptions options, IntegrationWriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        var errors = IntegrationOptionsValidation.Validate(copy, _options.Environment, checkReferences: true);
        if (errors.Count > 0)
        {
            throw new IntegrationConfigurationException(errors);
        }

        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var exists = _entries.TryGetValue(copy.Name, out var entry);
            if (exists && mode == IntegrationWriteMode.Add)
            {
                throw new IntegrationConfigurationException($"Integration '{copy.Name}': name is already registered.");
            }

            if (!exists && mode == IntegrationWriteMode.Update)
            {
                throw new KeyNotFoundException($"No integration named '{copy.Name}' is registered.");
            }

            if (exists)
            {
                copy.Name = entry!.Current.Options.Name;
            }

            var pipeline = _factory.Build(copy);
            if (exists)
            {
                var old = entry!.Current;
                entry.Current = pipeline;
                old.Retire();
                Log.Updated(_logger, copy.Name);
            }
            else
            {
                _metrics.Track(copy.Name);
                _entries[copy.Name] = new IntegrationEntry(pipeline);
                Log.Registered(_logger, copy.Name, copy.BaseUrl!);
            }
        }
    }

    private enum IntegrationWriteMode
    {
        Add,
        Update,
        AddOrUpdate,
    }
}
