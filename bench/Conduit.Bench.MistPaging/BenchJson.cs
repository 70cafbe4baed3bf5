using System.Text.Json.Serialization;

/// <summary>Source-generated metadata for the benchmark's device record.</summary>
[JsonSerializable(typeof(IList<Device>))]
internal sealed partial class BenchJson : JsonSerializerContext;
