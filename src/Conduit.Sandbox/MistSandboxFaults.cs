using Conduit.Sandbox.Faults;

namespace Conduit.Sandbox;

/// <summary>
/// The fault rules in force for one sandbox. Safe to change from any thread while the sandbox
/// serves: each request sees one consistent set of rules.
/// </summary>
public sealed class MistSandboxFaults
{
    private readonly Random random;
    private readonly Lock randomLock = new();
    private readonly long[] injectedByKind = new long[Enum.GetValues<MistSandboxFaultKind>().Length];
    private ActiveFault[] active = [];
    private long injected;

    internal MistSandboxFaults(int seed, IEnumerable<MistSandboxFault> initial)
    {
        random = new Random(seed);
        Set(initial);
    }

    /// <summary>The rules in force, in the order they were added.</summary>
    public IReadOnlyList<MistSandboxFault> Rules => Volatile.Read(ref active).Select(a => a.Rule).ToArray();

    /// <summary>How many faults have been injected since start (or <see cref="Clear"/>).</summary>
    public long InjectedCount => Interlocked.Read(ref injected);

    /// <summary>How many faults of <paramref name="kind"/> have been injected since start (or <see cref="Clear"/>).</summary>
    public long InjectedCountOf(MistSandboxFaultKind kind)
        => (uint)kind < (uint)injectedByKind.Length ? Interlocked.Read(ref injectedByKind[(int)kind]) : 0;

    /// <summary>A copy of the injected counts by kind (kinds never injected are left out).</summary>
    public IReadOnlyDictionary<MistSandboxFaultKind, long> InjectedByKind()
        => Enum.GetValues<MistSandboxFaultKind>().Select(k => (Kind: k, Count: InjectedCountOf(k))).Where(p => p.Count > 0).ToDictionary(p => p.Kind, p => p.Count);

    /// <summary>Adds a rule; it applies to requests that arrive from now on.</summary>
    public void Add(MistSandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ThrowIfInvalid([fault]);
        var entry = new ActiveFault(fault);
        ActiveFault[] current, next;
        do
        {
            current = Volatile.Read(ref active);
            next = [.. current, entry];
        }
        while (Interlocked.CompareExchange(ref active, next, current) != current);
    }

    /// <summary>Adds every rule of a text spec (see <see cref="MistSandboxFaultSpec"/>).</summary>
    public void Add(string spec)
    {
        foreach (var fault in MistSandboxFaultSpec.Parse(spec))
        {
            Add(fault);
        }
    }

    /// <summary>Replaces all rules.</summary>
    public void Set(IEnumerable<MistSandboxFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var list = faults.ToList();
        ThrowIfInvalid(list);
        Volatile.Write(ref active, [.. list.Select(f => new ActiveFault(f))]);
    }

    /// <summary>Removes every rule equal to <paramref name="fault"/>; returns whether one was removed.</summary>
    public bool Remove(MistSandboxFault fault)
    {
        ActiveFault[] current, next;
        do
        {
            current = Volatile.Read(ref active);
            next = current.Where(a => !a.Rule.Equals(fault)).ToArray();
            if (next.Length == current.Length)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref active, next, current) != current);
        return true;
    }

    /// <summary>Removes every rule and resets <see cref="InjectedCount"/> and the counts by kind.</summary>
    public void Clear()
    {
        Volatile.Write(ref active, []);
        Interlocked.Exchange(ref injected, 0);
        for (var i = 0; i < injectedByKind.Length; i++)
        {
            Interlocked.Exchange(ref injectedByKind[i], 0);
        }
    }

    internal FaultDecision Decide(string method, string path)
    {
        var rules = Volatile.Read(ref active);
        if (rules.Length == 0)
        {
            return FaultDecision.None;
        }

        TimeSpan latency = TimeSpan.Zero, latencyAfter = TimeSpan.Zero;
        MistSandboxFault? outcome = null, body = null;
        var status = 0;
        foreach (var rule in rules)
        {
            var kind = rule.Rule.Kind;
            if (IsStream(kind))
            {
                continue;
            }

            var isBody = kind is MistSandboxFaultKind.SlowBody or MistSandboxFaultKind.TruncatedBody or MistSandboxFaultKind.MalformedJson;
            var isOutcome = kind is MistSandboxFaultKind.Error or MistSandboxFaultKind.RateLimitBurst or MistSandboxFaultKind.ConnectionReset;
            if ((isBody && body is not null) || (isOutcome && outcome is not null) || !rule.Matches(method, path) || !Roll(rule.Rule.Probability) || !rule.TryTake())
            {
                continue;
            }

            Count(kind);
            if (kind == MistSandboxFaultKind.Latency)
            {
                if (rule.Rule.Placement == MistSandboxFaultPlacement.AfterHandler)
                {
                    latencyAfter += rule.Rule.Delay;
                }
                else
                {
                    latency += rule.Rule.Delay;
                }
            }
            else if (isBody)
            {
                body = rule.Rule;
            }
            else
            {
                outcome = rule.Rule;
                status = kind switch
                {
                    MistSandboxFaultKind.Error => rule.Rule.StatusCodes[Pick(rule.Rule.StatusCodes.Count)],
                    MistSandboxFaultKind.RateLimitBurst => 429,
                    _ => 0,
                };
            }
        }

        return new FaultDecision(latency, latencyAfter, outcome, body, status);
    }

    /// <summary>
    /// The stream fault (drop, stall, malformed) that hits the next frame sent on a connection whose
    /// handshake was <c>GET <paramref name="path"/></c>, or null. The first matching rule wins.
    /// </summary>
    internal MistSandboxFault? DecideFrame(string path)
    {
        var rules = Volatile.Read(ref active);
        foreach (var rule in rules)
        {
            if (IsStream(rule.Rule.Kind) && rule.Matches("GET", path) && Roll(rule.Rule.Probability) && rule.TryTake())
            {
                Count(rule.Rule.Kind);
                return rule.Rule;
            }
        }

        return null;
    }

    private void Count(MistSandboxFaultKind kind)
    {
        Interlocked.Increment(ref injected);
        Interlocked.Increment(ref injectedByKind[(int)kind]);
    }

    private static bool IsStream(MistSandboxFaultKind kind)
        => kind is MistSandboxFaultKind.StreamDrop or MistSandboxFaultKind.StreamStall or MistSandboxFaultKind.StreamMalformed;

    private bool Roll(double probability)
    {
        if (probability >= 1)
        {
            return true;
        }

        lock (randomLock)
        {
            return random.NextDouble() < probability;
        }
    }

    private int Pick(int count)
    {
        if (count == 1)
        {
            return 0;
        }

        lock (randomLock)
        {
            return random.Next(count);
        }
    }

    private static void ThrowIfInvalid(IEnumerable<MistSandboxFault> faults)
    {
        var errors = faults.SelectMany(f => f.GetErrors().Select(e => $"{f.Kind}: {e}")).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid fault rule. {string.Join(" ", errors)}");
        }
    }
}
