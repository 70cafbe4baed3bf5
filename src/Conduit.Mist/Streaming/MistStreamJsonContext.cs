using System.Text.Json.Serialization;

namespace Conduit.Mist.Streaming;

/// <summary>Source-generated metadata for the stream's client messages.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MistStreamCommand))]
internal sealed partial class MistStreamJsonContext : JsonSerializerContext;
