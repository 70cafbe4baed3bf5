using System.Text.Json.Serialization;

namespace Conduit.Mist.Tests.Paging;

/// <summary>Source-generated metadata for typed pages in <see cref="MistPageReaderTests"/>.</summary>
[JsonSerializable(typeof(IList<int>))]
internal sealed partial class MistPageReaderTestsJson : JsonSerializerContext;
