using System.Text.Json.Serialization;

namespace Conduit.Samples.HttpQuickstart;

/// <summary>System.Text.Json source generation for the sample's types (snake_case, as the Mist API writes them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Site[]))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
