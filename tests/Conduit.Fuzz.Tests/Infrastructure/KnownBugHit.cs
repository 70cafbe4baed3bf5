namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>Thrown by a check when an input hit a known bug (one with its own regression test), so it is counted, not failed.</summary>
internal sealed class KnownBugHit(string message) : Exception(message);
