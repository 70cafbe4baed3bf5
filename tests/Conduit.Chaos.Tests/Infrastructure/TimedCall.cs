namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>One call of a <see cref="CallLoop"/>: when it started and ended on the loop's clock, and how it ended.</summary>
internal sealed record TimedCall(string RequestId, TimeSpan Start, TimeSpan End, Type? Failure, int? Status)
{
    public TimeSpan Elapsed => End - Start;

    public bool Succeeded => Failure is null;

    /// <summary>Whether the call ran entirely inside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Within(TimeSpan from, TimeSpan to) => Start >= from && End <= to;

    /// <summary>Whether any part of the call fell inside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Overlaps(TimeSpan from, TimeSpan to) => End >= from && Start <= to;
}
