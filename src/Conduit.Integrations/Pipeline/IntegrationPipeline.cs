using System.Threading.RateLimiting;
using Conduit.Http;
using Conduit.Http.Authentication;

namespace Conduit.Integrations.Pipeline;

/// <summary>
/// One built generation of an integration: its client, authentication, optional shared limiter and health-probe
/// client. Calls enter and exit it; once <see cref="Retire"/>d (replaced or unregistered) it refuses new calls and
/// is disposed when the last call in flight exits, so in-flight calls finish on the pipeline they started on.
/// </summary>
internal sealed class IntegrationPipeline
{
    private readonly Lazy<ConduitClient> _probe;
    private readonly List<IDisposable> _owned;
    private int _active;
    private int _retired;
    private int _disposed;

    public IntegrationPipeline(IntegrationOptions options, ConduitClient client, AuthenticationProvider authentication, RateLimiter? rateLimiter, Func<ConduitClient> probeFactory, List<IDisposable> owned)
    {
        Options = options;
        Client = client;
        Authentication = authentication;
        RateLimiter = rateLimiter;
        _probe = new Lazy<ConduitClient>(probeFactory, LazyThreadSafetyMode.ExecutionAndPublication);
        _owned = owned;
    }

    /// <summary>The options this generation was built from (a private copy, references unresolved).</summary>
    public IntegrationOptions Options { get; }

    public ConduitClient Client { get; }

    public AuthenticationProvider Authentication { get; }

    public RateLimiter? RateLimiter { get; }

    public ConduitClient Probe => _probe.Value;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Counts a call in; false when the pipeline has been retired (the caller re-reads the current one).</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _active);
        if (Volatile.Read(ref _retired) == 0)
        {
            return true;
        }

        Exit();
        return false;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _retired) != 0)
        {
            DisposeOnce();
        }
    }

    /// <summary>Refuses new calls; disposes now if none is in flight, else when the last one exits.</summary>
    public void Retire()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0 && Volatile.Read(ref _active) == 0)
        {
            DisposeOnce();
        }
    }

    private void DisposeOnce()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Client.Dispose();
        if (_probe.IsValueCreated)
        {
            _probe.Value.Dispose();
        }

        RateLimiter?.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
