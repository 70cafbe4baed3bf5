using System.Text.RegularExpressions;

namespace Conduit.Sandbox.Faults;

/// <summary>A fault rule in force: its compiled path matcher and how many hits it has left.</summary>
internal sealed class ActiveFault
{
    private readonly Regex? pattern;
    private int remaining;

    public ActiveFault(MistSandboxFault rule)
    {
        Rule = rule;
        remaining = rule.Count ?? int.MaxValue;
        if (rule.PathPattern != "**")
        {
            var expression = "^" + Regex.Escape(rule.PathPattern).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$";
            pattern = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
    }

    public MistSandboxFault Rule { get; }

    public bool Matches(string method, string path)
        => (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
            && (pattern is null || pattern.IsMatch(path))
            && Volatile.Read(ref remaining) > 0;

    /// <summary>Takes one hit; false when the rule is used up (another request took the last one).</summary>
    public bool TryTake()
    {
        if (Rule.Count is null)
        {
            return true;
        }

        while (true)
        {
            var current = Volatile.Read(ref remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
