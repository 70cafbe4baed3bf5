using System.Text.Json;

namespace Conduit.Mist.Api;

/// <summary>A generated Mist model: its documented fields are <see cref="Optional{T}"/> properties, the rest is kept here.</summary>
public interface IMistModel
{
    /// <summary>Fields the document does not describe, kept as received so they are sent back unchanged; null when there were none.</summary>
    IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
