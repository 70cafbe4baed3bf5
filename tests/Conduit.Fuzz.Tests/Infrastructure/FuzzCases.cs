namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>
/// How many cases each kind of check runs. Fixed, so the report's figures are comparable between runs, and bounded
/// so the whole project stays well under a minute on two shared cores.
/// </summary>
internal static class FuzzCases
{
    /// <summary>Pure functions on short text: parsers, formatters.</summary>
    public const int Parser = 10_000;

    /// <summary>Functions that build URIs, JSON or regex matches per case.</summary>
    public const int Builder = 5_000;

    /// <summary>Configuration binding: a configuration root and a service provider per case.</summary>
    public const int Binding = 2_000;

    /// <summary>Requests sent to a real server over loopback per target.</summary>
    public const int Requests = 1_500;

    /// <summary>Misbehaving responses served to the client (each sent through the sync and the async API).</summary>
    public const int Responses = 400;
}
