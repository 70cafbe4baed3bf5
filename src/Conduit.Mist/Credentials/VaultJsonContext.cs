using System.Text.Json.Serialization;

namespace Conduit.Mist.Credentials;

/// <summary>Source-generated JSON metadata for the Vault reads (no reflection, AOT-safe).</summary>
[JsonSerializable(typeof(VaultKvV2Response))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
