using System.Text.Json.Serialization;

/// <summary>The fields of a device the benchmark reads.</summary>
internal sealed record Device(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("mac")] string? Mac,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("type")] string? Type);
