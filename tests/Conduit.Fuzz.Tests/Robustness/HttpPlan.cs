namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>A response served through Kestrel's HTTP stack: any status, headers and body, delivered in some way.</summary>
public sealed record HttpPlan(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, BodyMode Mode, long HugeSize, bool DeclareLength);
