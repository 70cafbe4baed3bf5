using System.Text.Json.Serialization;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>Source-generated JSON metadata for the typed reads the suite exercises.</summary>
[JsonSerializable(typeof(IList<int>))]
[JsonSerializable(typeof(FuzzItem))]
[JsonSerializable(typeof(List<FuzzItem>))]
internal sealed partial class FuzzJsonContext : JsonSerializerContext;
