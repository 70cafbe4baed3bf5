using Conduit.Sandbox.Counters;

namespace Conduit.Sandbox;

/// <summary>
/// Server-side counts, so a test can prove what the sandbox saw and did. <em>Received</em>: every
/// request, before faults, authentication or validation, by <c>METHOD /path</c> (no query), by request
/// id header, and by operation id. <em>Applied</em>: every write (any method but GET, HEAD and
/// OPTIONS) whose handler ran and answered 2xx, that is, that changed the state, by the same keys
/// and by <c>Idempotency-Key</c>; a write answered from the idempotency store is a <em>replay</em>,
/// not applied again. A fault placed after the handler does not undo an applied write.
/// </summary>
public sealed class MistSandboxCounters
{
    private readonly CountTable byPath = new();
    private readonly CountTable byRequestId = new();
    private readonly CountTable byOperation = new();
    private readonly CountTable appliedByPath = new();
    private readonly CountTable appliedByRequestId = new();
    private readonly CountTable appliedByIdempotencyKey = new();
    private readonly CountTable replaysByIdempotencyKey = new();
    private long total;
    private long totalApplied;
    private long totalReplays;

    internal MistSandboxCounters(string requestIdHeader) => RequestIdHeader = requestIdHeader;

    /// <summary>The header whose value is counted as the request id.</summary>
    public string RequestIdHeader { get; }

    /// <summary>All requests received.</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>All writes applied to the state.</summary>
    public long TotalApplied => Interlocked.Read(ref totalApplied);

    /// <summary>All writes answered from the idempotency store instead of being applied again.</summary>
    public long TotalReplays => Interlocked.Read(ref totalReplays);

    /// <summary>Requests received for <paramref name="method"/> and the exact <paramref name="path"/>.</summary>
    public long Count(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return byPath.Read(Key(method.ToUpperInvariant(), path));
    }

    /// <summary>Requests received with <paramref name="requestId"/> in the request id header.</summary>
    public long CountRequestId(string requestId) => byRequestId.Read(requestId);

    /// <summary>Requests routed to the operation <paramref name="operationId"/> (the document's id).</summary>
    public long CountOperation(string operationId) => byOperation.Read(operationId);

    /// <summary>Writes applied for <paramref name="method"/> and the exact <paramref name="path"/>.</summary>
    public long CountApplied(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return appliedByPath.Read(Key(method.ToUpperInvariant(), path));
    }

    /// <summary>Writes applied that carried <paramref name="requestId"/> in the request id header.</summary>
    public long CountAppliedRequestId(string requestId) => appliedByRequestId.Read(requestId);

    /// <summary>Writes applied that carried <paramref name="idempotencyKey"/> in <c>Idempotency-Key</c> (at most 1 while the key is stored).</summary>
    public long CountAppliedIdempotencyKey(string idempotencyKey) => appliedByIdempotencyKey.Read(idempotencyKey);

    /// <summary>Writes with <paramref name="idempotencyKey"/> answered from the idempotency store.</summary>
    public long CountReplays(string idempotencyKey) => replaysByIdempotencyKey.Read(idempotencyKey);

    /// <summary>A copy of the per-path received counts, keyed <c>METHOD /path</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => byPath.Snapshot();

    /// <summary>A copy of the per-path applied counts, keyed <c>METHOD /path</c>.</summary>
    public IReadOnlyDictionary<string, long> AppliedSnapshot() => appliedByPath.Snapshot();

    /// <summary>Sets every count to zero.</summary>
    public void Reset()
    {
        byPath.Clear();
        byRequestId.Clear();
        byOperation.Clear();
        appliedByPath.Clear();
        appliedByRequestId.Clear();
        appliedByIdempotencyKey.Clear();
        replaysByIdempotencyKey.Clear();
        Interlocked.Exchange(ref total, 0);
        Interlocked.Exchange(ref totalApplied, 0);
        Interlocked.Exchange(ref totalReplays, 0);
    }

    internal void Record(string method, string path, string? requestId)
    {
        Interlocked.Increment(ref total);
        byPath.Increment(Key(method, path));
        if (!string.IsNullOrEmpty(requestId))
        {
            byRequestId.Increment(requestId);
        }
    }

    internal void RecordOperation(string operationId) => byOperation.Increment(operationId);

    internal void RecordApplied(string method, string path, string? requestId, string? idempotencyKey)
    {
        Interlocked.Increment(ref totalApplied);
        appliedByPath.Increment(Key(method, path));
        if (!string.IsNullOrEmpty(requestId))
        {
            appliedByRequestId.Increment(requestId);
        }

        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            appliedByIdempotencyKey.Increment(idempotencyKey);
        }
    }

    internal void RecordReplay(string idempotencyKey)
    {
        Interlocked.Increment(ref totalReplays);
        replaysByIdempotencyKey.Increment(idempotencyKey);
    }

    private static string Key(string method, string path) => string.Concat(method, " ", path);
}
