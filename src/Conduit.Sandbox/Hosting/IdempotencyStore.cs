using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Hosting;

/// <summary>
/// The first answers of writes (POST, PATCH, PUT) that carried an <c>Idempotency-Key</c>, keyed by key,
/// method and path, as payment and cloud APIs keep them: a repeat of an applied write gets the stored
/// status and body (with <c>Idempotent-Replayed: true</c>) instead of being applied again; a repeat
/// with a different body gets 422. Only applied writes (2xx) are stored, so a request that failed
/// before the handler can be retried. Bounded: the oldest entry is dropped beyond
/// <see cref="Capacity"/>, and an entry expires after <see cref="Lifetime"/>. Writes with the same key
/// run one at a time (the lookup, the handler and the store form one step), so two concurrent
/// repeats never both apply.
/// </summary>
internal sealed class IdempotencyStore(TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int Capacity = 10_000;
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const int StripeCount = 64;
    private readonly Lock[] stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Lock())];
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long Sequence)> order = new();
    private long sequence;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="method"/> takes an <c>Idempotency-Key</c>.</summary>
    public static bool Applies(string method) => method is "POST" or "PATCH" or "PUT";

    /// <summary>
    /// Answers a keyed write: the stored answer of an earlier identical write, or the answer of
    /// <paramref name="apply"/>, stored when it is a success.
    /// </summary>
    public Result Run(string key, string method, string path, JsonNode? body, Func<SandboxResponse> apply)
    {
        var entryKey = string.Concat(method, " ", path, " ", key);
        var fingerprint = Fingerprint(body);
        lock (stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(entryKey) % StripeCount)])
        {
            if (Find(entryKey) is { } stored)
            {
                return string.Equals(stored.Fingerprint, fingerprint, StringComparison.Ordinal)
                    ? new Result(stored.Replay(), Replayed: true)
                    : new Result(SandboxResponse.Error(422, $"This {Header} was used with a different request body."), Replayed: false);
            }

            var answer = apply();
            if (answer.Status is >= 200 and < 300)
            {
                Store(entryKey, answer, fingerprint);
            }

            return new Result(answer, Replayed: false);
        }
    }

    private Entry? Find(string entryKey)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(entryKey, out var entry))
            {
                return null;
            }

            if (entry.ExpiresAt > time.GetUtcNow())
            {
                return entry;
            }

            entries.Remove(entryKey);
            return null;
        }
    }

    private void Store(string entryKey, SandboxResponse answer, string fingerprint)
    {
        lock (gate)
        {
            var entry = new Entry(answer.Status, answer.Body, answer.Headers?.ToArray() ?? [], fingerprint, time.GetUtcNow() + Lifetime, ++sequence);
            entries[entryKey] = entry;
            order.Enqueue((entryKey, entry.Sequence));

            // Drop the oldest entries until the store fits; a queued key whose entry was replaced or expired is skipped.
            while (entries.Count > Capacity && order.TryDequeue(out var oldest))
            {
                if (entries.TryGetValue(oldest.Key, out var current) && current.Sequence == oldest.Sequence)
                {
                    entries.Remove(oldest.Key);
                }
            }
        }
    }

    private static string Fingerprint(JsonNode? body)
        => body is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));

    /// <summary>The answer to a keyed write, and whether it came from the store.</summary>
    public readonly record struct Result(SandboxResponse Answer, bool Replayed);

    private sealed record Entry(int Status, byte[] Body, KeyValuePair<string, string>[] Headers, string Fingerprint, DateTimeOffset ExpiresAt, long Sequence)
    {
        public SandboxResponse Replay()
        {
            var answer = new SandboxResponse(Status, Body);
            foreach (var (name, value) in Headers)
            {
                answer.WithHeader(name, value);
            }

            return answer.WithHeader(ReplayedHeader, "true");
        }
    }
}
