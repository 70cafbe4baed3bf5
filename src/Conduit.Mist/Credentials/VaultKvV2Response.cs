using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conduit.Mist.Credentials;

/// <summary>The body of a Vault KV v2 read: <c>{"data": {"data": {...}, "metadata": {...}}}</c>.</summary>
internal sealed class VaultKvV2Response
{
    [JsonPropertyName("data")]
    public VaultKvV2Secret? Data { get; set; }
}

/// <summary>The secret's fields and its version metadata.</summary>
internal sealed class VaultKvV2Secret
{
    /// <summary>The fields; <see langword="null"/> when the version was deleted or destroyed.</summary>
    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement>? Data { get; set; }

    [JsonPropertyName("metadata")]
    public VaultKvV2Metadata? Metadata { get; set; }
}

/// <summary>The version metadata of a KV v2 secret.</summary>
internal sealed class VaultKvV2Metadata
{
    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("deletion_time")]
    public string? DeletionTime { get; set; }

    [JsonPropertyName("destroyed")]
    public bool Destroyed { get; set; }
}
