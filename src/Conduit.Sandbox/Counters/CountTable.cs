using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Conduit.Sandbox.Counters;

/// <summary>Thread-safe counts by string key (ordinal), read without locks.</summary>
internal sealed class CountTable
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> counts = new(StringComparer.Ordinal);

    public void Increment(string key)
        => Interlocked.Increment(ref counts.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    public long Read(string key)
        => counts.TryGetValue(key, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public IReadOnlyDictionary<string, long> Snapshot()
        => counts.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    public void Clear() => counts.Clear();
}
