using Conduit.Http;
using Conduit.Sandbox;

namespace Conduit.Chaos.Tests.Mixed;

/// <summary>
/// Everything the mixed run is judged on, gathered right after it while the sandbox still runs: the
/// client's records joined with the server's counts for each call (by request id and idempotency
/// key), the names found in the server's state, and the faults the sandbox injected.
/// </summary>
internal sealed class MixedRunFigures
{
    /// <summary>The exception types a failed call may end with: the typed family for transport, status and timeout failures.</summary>
    public static readonly IReadOnlySet<Type> ExpectedFailures = new HashSet<Type>
    {
        typeof(ServerErrorException), typeof(RateLimitedException), typeof(ApiConnectionException), typeof(ApiTimeoutException),
    };

    private MixedRunFigures(CallRecord[] records) => Records = records;

    public CallRecord[] Records { get; }

    /// <summary>Requests the server received with each call's request id (every attempt that reached it).</summary>
    public long[] Received { get; private init; } = [];

    /// <summary>Times the server applied each call (a write whose handler answered 2xx).</summary>
    public long[] Applied { get; private init; } = [];

    /// <summary>Times the server answered a keyed call from its idempotency store.</summary>
    public long[] Replays { get; private init; } = [];

    public IReadOnlyDictionary<MistSandboxFaultKind, long> FaultsByKind { get; private init; } = new Dictionary<MistSandboxFaultKind, long>();

    public long FaultsInjected { get; private init; }

    public long ServerReceived { get; private init; }

    public long ServerApplied { get; private init; }

    public long ServerReplays { get; private init; }

    /// <summary>Sites whose name a keyed POST used, found more than once in the server's state.</summary>
    public int SiteNamesDuplicated { get; private init; }

    /// <summary>WLANs whose SSID an unkeyed POST used, found more than once.</summary>
    public int WlanNamesDuplicated { get; private init; }

    public int SitesFound { get; private init; }

    public int WlansFound { get; private init; }

    /// <summary>Successful keyed POSTs whose answer named another site than the one the server holds under that name.</summary>
    public List<CallRecord> IdMismatches { get; } = [];

    public IEnumerable<CallRecord> Of(CallKind kind) => Records.Where(r => r.Kind == kind);

    public static async Task<MixedRunFigures> CollectAsync(MistSandbox sandbox, string token, CallRecord[] records, CancellationToken cancellationToken)
    {
        var counters = sandbox.Counters;
        var received = records.Select(r => counters.CountRequestId(r.RequestId)).ToArray();
        var applied = records.Select(r => r.Kind == CallKind.PostWithKey
            ? counters.CountAppliedIdempotencyKey(MixedWorkload.IdempotencyKey(r.Index))
            : counters.CountAppliedRequestId(r.RequestId)).ToArray();
        var replays = records.Select(r => r.Kind == CallKind.PostWithKey ? counters.CountReplays(MixedWorkload.IdempotencyKey(r.Index)) : 0).ToArray();
        var sites = await ServerView.SiteIdsByNameAsync(sandbox, token, cancellationToken);
        var wlans = await ServerView.WlanIdsBySsidAsync(sandbox, token, cancellationToken);
        var chaosSites = sites.Where(s => s.Key.StartsWith(MixedWorkload.SitePrefix, StringComparison.Ordinal)).ToList();
        var chaosWlans = wlans.Where(w => w.Key.StartsWith(MixedWorkload.WlanPrefix, StringComparison.Ordinal)).ToList();
        var figures = new MixedRunFigures(records)
        {
            Received = received,
            Applied = applied,
            Replays = replays,
            FaultsByKind = sandbox.Faults.InjectedByKind(),
            FaultsInjected = sandbox.Faults.InjectedCount,
            ServerReceived = counters.Total,
            ServerApplied = counters.TotalApplied,
            ServerReplays = counters.TotalReplays,
            SitesFound = chaosSites.Sum(s => s.Value.Count),
            WlansFound = chaosWlans.Sum(w => w.Value.Count),
            SiteNamesDuplicated = chaosSites.Count(s => s.Value.Count > 1),
            WlanNamesDuplicated = chaosWlans.Count(w => w.Value.Count > 1),
        };
        foreach (var record in records.Where(r => r.Kind == CallKind.PostWithKey && r.Succeeded))
        {
            var held = sites.GetValueOrDefault(MixedWorkload.IdempotencyKey(record.Index));
            if (held is not [var id] || !string.Equals(id, record.CreatedId, StringComparison.Ordinal))
            {
                figures.IdMismatches.Add(record);
            }
        }

        return figures;
    }

    /// <summary>Calls the server received more often than the retry budget allows.</summary>
    public IEnumerable<CallRecord> OverBudget(int maxAttempts) => Records.Where(r => Received[r.Index] > maxAttempts);

    /// <summary>Failed calls whose exception is not one of <see cref="ExpectedFailures"/>.</summary>
    public IEnumerable<CallRecord> UnexpectedFailures => Records.Where(r => r.Failure is { } type && !ExpectedFailures.Contains(type));

    /// <summary>POSTs the server applied more than once.</summary>
    public IEnumerable<CallRecord> Duplicates => Records.Where(r => r.Kind is CallKind.PostWithKey or CallKind.PostWithoutKey && Applied[r.Index] > 1);

    /// <summary>Successful POSTs the server has no record of applying exactly once.</summary>
    public IEnumerable<CallRecord> SucceededButNotAppliedOnce => Records.Where(r => r.Kind is CallKind.PostWithKey or CallKind.PostWithoutKey && r.Succeeded && Applied[r.Index] != 1);

    /// <summary>Failed POSTs that the server did apply: the caller cannot tell (the case an idempotency key exists for).</summary>
    public int FailedButApplied(CallKind kind) => Of(kind).Count(r => !r.Succeeded && Applied[r.Index] == 1);

    /// <summary>Keyed POSTs that succeeded although an answer was lost on the way: the retry got the stored answer.</summary>
    public int RecoveredByReplay => Of(CallKind.PostWithKey).Count(r => r.Succeeded && Replays[r.Index] > 0);
}
