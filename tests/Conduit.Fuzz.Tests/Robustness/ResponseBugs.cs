namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>Which known client bugs (each with its own regression test) are still present, so the generators avoid them.</summary>
/// <param name="Calendar">Retry-After / X-RateLimit-Reset past year 9999 throws ArgumentOutOfRangeException.</param>
/// <param name="BadGzip">A gzip Content-Encoding on a body that is not gzip throws InvalidDataException.</param>
/// <param name="InvalidUtf8Detail">Invalid UTF-8 in an error body's detail throws InvalidOperationException.</param>
public sealed record ResponseBugs(bool Calendar, bool BadGzip, bool InvalidUtf8Detail);
