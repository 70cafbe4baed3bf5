namespace Conduit.Mist.Sessions;

/// <summary>
/// The API tokens of a session and what each may still do: validity, a client-side budget over a sliding window
/// (every use is timestamped; a use older than the window no longer counts) and the server's last 429. Shared by
/// every client of the session; thread-safe.
/// </summary>
internal sealed class MistTokenPool
{
    private readonly Lock gate = new();
    private readonly Entry[] entries;
    private readonly int budget;
    private readonly long windowTicks;
    private readonly TimeProvider time;

    public MistTokenPool(IReadOnlyList<string> tokens, int budget, TimeSpan window, TimeProvider time)
    {
        entries = [.. tokens.Select((token, i) => new Entry(token, i + 1))];
        this.budget = budget;
        windowTicks = window.Ticks;
        this.time = time;
    }

    /// <summary>How many tokens were configured.</summary>
    public int Count => entries.Length;

    /// <summary>How many tokens are still considered valid.</summary>
    public int ValidCount
    {
        get
        {
            lock (gate)
            {
                return entries.Count(e => e.Valid);
            }
        }
    }

    /// <summary>Every configured token (for the redactor).</summary>
    public IEnumerable<string> Secrets => entries.Select(e => e.Token);

    /// <summary>The token at a 1-based position.</summary>
    public string TokenAt(int position) => entries[position - 1].Token;

    /// <summary>Marks a token as rejected by the service; it is never used again.</summary>
    public void MarkInvalid(int position)
    {
        lock (gate)
        {
            entries[position - 1].Valid = false;
        }
    }

    /// <summary>Records a 429 for a token: it is skipped until <paramref name="retryAfter"/> has passed.</summary>
    public void MarkRateLimited(int position, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = Now() + Math.Max(retryAfter.Ticks, TimeSpan.TicksPerSecond);
            var entry = entries[position - 1];
            entry.RateLimitedUntil = Math.Max(entry.RateLimitedUntil, until);
        }
    }

    /// <summary>
    /// Takes one call from the valid token with the most budget left that is not rate limited (the first such on a
    /// tie), or from <paramref name="pinned"/> whatever its state. Null when none can send now; then
    /// <paramref name="retryAfter"/> says when one can.
    /// </summary>
    public int? TryTake(int? pinned, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        lock (gate)
        {
            var now = Now();
            if (pinned is { } position)
            {
                Use(entries[position - 1], now);
                return position;
            }

            Entry? best = null;
            var bestRemaining = 0;
            var earliest = long.MaxValue;
            foreach (var entry in entries)
            {
                if (!entry.Valid)
                {
                    continue;
                }

                var remaining = Remaining(entry, now);
                var freeAt = Math.Max(entry.RateLimitedUntil, remaining > 0 ? now : entry.Uses.Peek() + windowTicks);
                if (freeAt <= now && remaining > bestRemaining)
                {
                    best = entry;
                    bestRemaining = remaining;
                }

                earliest = Math.Min(earliest, freeAt);
            }

            if (best is not null)
            {
                Use(best, now);
                return best.Position;
            }

            retryAfter = earliest == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(earliest - now, 0));
            return null;
        }
    }

    /// <summary>Whether some valid token has budget left now; otherwise how long until one has.</summary>
    public bool HasBudget(out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        lock (gate)
        {
            var now = Now();
            var earliest = long.MaxValue;
            var anyValid = false;
            foreach (var entry in entries)
            {
                if (!entry.Valid)
                {
                    continue;
                }

                anyValid = true;
                if (Remaining(entry, now) > 0)
                {
                    return true;
                }

                earliest = Math.Min(earliest, entry.Uses.Peek() + windowTicks);
            }

            if (!anyValid)
            {
                return true; // Nothing to budget: let the call fail on its own terms.
            }

            wait = TimeSpan.FromTicks(Math.Max(earliest - now, 1));
            return false;
        }
    }

    /// <summary>The calls left across valid tokens.</summary>
    public int TotalRemaining()
    {
        lock (gate)
        {
            var now = Now();
            return entries.Where(e => e.Valid).Sum(e => Remaining(e, now));
        }
    }

    /// <summary>A snapshot of every token.</summary>
    public IReadOnlyList<MistTokenStatus> Snapshot()
    {
        lock (gate)
        {
            var now = Now();
            return [.. entries.Select(e => new MistTokenStatus(
                e.Position,
                e.Valid,
                Remaining(e, now),
                e.RateLimitedUntil > now ? new DateTimeOffset(e.RateLimitedUntil, TimeSpan.Zero) : null))];
        }
    }

    private long Now() => time.GetUtcNow().UtcTicks;

    private int Remaining(Entry entry, long now)
    {
        while (entry.Uses.Count > 0 && entry.Uses.Peek() + windowTicks <= now)
        {
            entry.Uses.Dequeue();
        }

        return Math.Max(budget - entry.Uses.Count, 0);
    }

    private void Use(Entry entry, long now)
    {
        Remaining(entry, now);
        entry.Uses.Enqueue(now);
    }

    private sealed class Entry(string token, int position)
    {
        public string Token { get; } = token;

        public int Position { get; } = position;

        public bool Valid { get; set; } = true;

        public Queue<long> Uses { get; } = new();

        public long RateLimitedUntil { get; set; }
    }
}
