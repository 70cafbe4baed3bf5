using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conduit.Mist.Paging;

/// <summary>Source-generated metadata for untyped pages.</summary>
[JsonSerializable(typeof(IList<JsonElement>))]
internal sealed partial class MistPagingJsonContext : JsonSerializerContext;
