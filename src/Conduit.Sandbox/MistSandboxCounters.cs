using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Conduit.Sandbox;

/// <summary>
/// Server-side counts of the requests the sandbox received — before faults, authentication or
/// validation — by <c>METHOD /path</c> (no query), by request id header, and by operation id, so a
/// test can prove that a request was sent exactly once.
/// </summary>
public sealed class MistSandboxCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> byRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> byOperation = new(StringComparer.Ordinal);
    private long total;

    internal MistSandboxCounters(string requestIdHeader) => RequestIdHeader = requestIdHeader;

    /// <summary>The header whose value is counted as the request id.</summary>
    public string RequestIdHeader { get; }

    /// <summary>All requests received.</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>Requests received for <paramref name="method"/> and the exact <paramref name="path"/>.</summary>
    public long Count(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Read(byPath, Key(method.ToUpperInvariant(), path));
    }

    /// <summary>Requests received with <paramref name="requestId"/> in the request id header.</summary>
    public long CountRequestId(string requestId) => Read(byRequestId, requestId);

    /// <summary>Requests routed to the operation <paramref name="operationId"/> (the document's id).</summary>
    public long CountOperation(string operationId) => Read(byOperation, operationId);

    /// <summary>A copy of the per-path counts, keyed <c>METHOD /path</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
        => byPath.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>Sets every count to zero.</summary>
    public void Reset()
    {
        byPath.Clear();
        byRequestId.Clear();
        byOperation.Clear();
        Interlocked.Exchange(ref total, 0);
    }

    internal void Record(string method, string path, string? requestId)
    {
        Interlocked.Increment(ref total);
        Increment(byPath, Key(method, path));
        if (!string.IsNullOrEmpty(requestId))
        {
            Increment(byRequestId, requestId);
        }
    }

    internal void RecordOperation(string operationId) => Increment(byOperation, operationId);

    private static string Key(string method, string path) => string.Concat(method, " ", path);

    private static void Increment(ConcurrentDictionary<string, StrongBox<long>> counts, string key)
        => Interlocked.Increment(ref counts.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    private static long Read(ConcurrentDictionary<string, StrongBox<long>> counts, string key)
        => counts.TryGetValue(key, out var box) ? Interlocked.Read(ref box.Value) : 0;
}
