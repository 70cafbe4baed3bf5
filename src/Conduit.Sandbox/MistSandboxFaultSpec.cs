using System.Globalization;

namespace Conduit.Sandbox;

/// <summary>
/// Parses fault rules written as text (the <c>conduit sandbox --faults</c> syntax).
/// </summary>
/// <remarks>
/// Rules are separated by <c>;</c>. A rule is <c>KIND[:VALUE][,KEY=VALUE...]</c>:
/// <list type="bullet">
/// <item><c>error[:500/503]</c> — answer one of the statuses (default 500).</item>
/// <item><c>latency:200ms</c> — wait before answering.</item>
/// <item><c>burst[:N]</c> — the next N matching requests (default 1) get 429 with <c>Retry-After</c> (key <c>retry-after</c>, default 1s).</item>
/// <item><c>reset</c> — drop the connection.</item>
/// <item><c>slow[:50ms]</c> — send the body in chunks (key <c>chunk</c>, default 16 bytes) with a pause between them.</item>
/// <item><c>truncate</c> — announce the full length, send half the body, drop the connection.</item>
/// <item><c>malformed</c> — send a complete response whose JSON is cut short.</item>
/// <item><c>ws-drop</c> — WebSocket stream: abort the connection instead of sending a frame.</item>
/// <item><c>ws-stall[:5s]</c> — WebSocket stream: hold a frame and all after it for the duration (default 5s).</item>
/// <item><c>ws-malformed</c> — WebSocket stream: send a frame cut in half (not JSON).</item>
/// </list>
/// Stream rules are checked for every frame the server sends on a connection whose handshake path
/// matches (<c>/api-ws/v1/stream</c>); <c>rate</c> and <c>count</c> then count frames, not requests.
/// Keys for every rule: <c>rate</c> (probability 0–1 or a percentage, default 1), <c>count</c> (hit at
/// most N requests), <c>method</c> (GET, POST…), <c>path</c> (exact path or glob: <c>*</c> within a
/// segment, <c>**</c> anything; default every path), <c>when</c> (<c>before</c> the handler, the default, or
/// <c>after</c> it applied the request: see <see cref="MistSandboxFaultPlacement"/>). Durations take <c>ms</c>, <c>s</c> or <c>m</c>
/// (a bare number is milliseconds). Example:
/// <c>error:503,rate=0.2,path=/api/v1/sites/**; latency:100ms,method=GET; burst:3,retry-after=2s; reset,rate=5%,method=POST,when=after</c>.
/// </remarks>
public static class MistSandboxFaultSpec
{
    /// <summary>A one-paragraph description of the syntax for help texts.</summary>
    public const string Syntax =
        "Rules separated by ';', each KIND[:VALUE][,KEY=VALUE...]. Kinds: error[:500/503], latency:200ms, " +
        "burst[:N] (429 + Retry-After, key retry-after=1s), reset, slow[:50ms] (key chunk=16), truncate, malformed; " +
        "WebSocket stream (per frame sent): ws-drop (abort the connection), ws-stall[:5s] (hold frames), ws-malformed (half a frame). " +
        "Keys for all: rate=0.2|20%, count=N, method=GET, path=/api/v1/sites/** ('*' one segment, '**' anything), " +
        "when=before|after (strike before the handler, or after it applied the request). " +
        "Example: \"error:503,rate=0.2,path=/api/v1/sites/**; latency:100ms; burst:3,retry-after=2s; ws-drop,count=1\".";

    /// <summary>Parses <paramref name="spec"/>; throws <see cref="FormatException"/> naming every bad part.</summary>
    public static IReadOnlyList<MistSandboxFault> Parse(string? spec)
    {
        var faults = new List<MistSandboxFault>();
        var errors = new List<string>();
        foreach (var rule in (spec ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                var fault = ParseRule(rule);
                var problems = fault.GetErrors();
                if (problems.Count > 0)
                {
                    errors.Add($"'{rule}': {string.Join(" ", problems)}");
                }
                else
                {
                    faults.Add(fault);
                }
            }
            catch (FormatException ex)
            {
                errors.Add($"'{rule}': {ex.Message}");
            }
        }

        if (errors.Count > 0)
        {
            throw new FormatException($"Invalid fault spec. {string.Join(" ", errors)} Syntax: {Syntax}");
        }

        return faults;
    }

    private static MistSandboxFault ParseRule(string rule)
    {
        var parts = rule.Split(',', StringSplitOptions.TrimEntries);
        var head = parts[0].Split(':', 2, StringSplitOptions.TrimEntries);
        var value = head.Length > 1 ? head[1] : null;
        var fault = head[0].ToLowerInvariant() switch
        {
            "error" => new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = value is null ? [500] : ParseStatuses(value) },
            "latency" => new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, Delay = ParseDuration(value ?? throw new FormatException("latency needs a duration, e.g. latency:200ms.")) },
            "burst" or "ratelimit" => new MistSandboxFault { Kind = MistSandboxFaultKind.RateLimitBurst, Count = value is null ? 1 : ParseInt(value), Delay = TimeSpan.FromSeconds(1) },
            "reset" => new MistSandboxFault { Kind = MistSandboxFaultKind.ConnectionReset },
            "slow" => new MistSandboxFault { Kind = MistSandboxFaultKind.SlowBody, Delay = value is null ? TimeSpan.FromMilliseconds(50) : ParseDuration(value) },
            "truncate" => new MistSandboxFault { Kind = MistSandboxFaultKind.TruncatedBody },
            "malformed" => new MistSandboxFault { Kind = MistSandboxFaultKind.MalformedJson },
            "ws-drop" => new MistSandboxFault { Kind = MistSandboxFaultKind.StreamDrop },
            "ws-stall" => new MistSandboxFault { Kind = MistSandboxFaultKind.StreamStall, Delay = value is null ? TimeSpan.FromSeconds(5) : ParseDuration(value) },
            "ws-malformed" => new MistSandboxFault { Kind = MistSandboxFaultKind.StreamMalformed },
            _ => throw new FormatException($"unknown fault kind '{head[0]}'."),
        };

        foreach (var option in parts.Skip(1))
        {
            var pair = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[1].Length == 0)
            {
                throw new FormatException($"'{option}' is not KEY=VALUE.");
            }

            fault = pair[0].ToLowerInvariant() switch
            {
                "rate" => fault with { Probability = ParseRate(pair[1]) },
                "count" => fault with { Count = ParseInt(pair[1]) },
                "method" => fault with { Method = pair[1].ToUpperInvariant() },
                "path" => fault with { PathPattern = pair[1] },
                "retry-after" => fault with { Delay = ParseDuration(pair[1]) },
                "chunk" => fault with { ChunkSize = ParseInt(pair[1]) },
                "status" => fault with { StatusCodes = ParseStatuses(pair[1]) },
                "when" => fault with { Placement = ParsePlacement(pair[1]) },
                _ => throw new FormatException($"unknown key '{pair[0]}'."),
            };
        }

        return fault;
    }

    private static int ParseInt(string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{text}' is not a whole number.");

    private static MistSandboxFaultPlacement ParsePlacement(string text) => text.ToLowerInvariant() switch
    {
        "before" => MistSandboxFaultPlacement.BeforeHandler,
        "after" => MistSandboxFaultPlacement.AfterHandler,
        _ => throw new FormatException($"'{text}' is not a placement (before, after)."),
    };

    private static int[] ParseStatuses(string text) => [.. text.Split('/', StringSplitOptions.TrimEntries).Select(ParseInt)];

    private static double ParseRate(string text)
    {
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            ? (percent ? rate / 100 : rate)
            : throw new FormatException($"'{text}' is not a rate (0.2 or 20%).");
    }

    /// <summary>Parses <c>200ms</c>, <c>2s</c>, <c>1m</c> or a bare number of milliseconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 1.0),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1000.0),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60_000.0),
            _ => (text, 1.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromMilliseconds(value * scale)
            : throw new FormatException($"'{text}' is not a duration (200ms, 2s, 1m).");
    }
}
