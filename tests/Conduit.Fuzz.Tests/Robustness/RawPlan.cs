namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>A response written byte for byte, so it can break HTTP itself.</summary>
public sealed record RawPlan(byte[] Bytes, RawEnding Ending);
