using System.Text.Json.Nodes;

namespace Conduit.Sandbox.State;

/// <summary>
/// A stored object (org, site, device, WLAN). Immutable once stored: an update stores a new
/// entity, so readers share the cached bytes and never see a half-written object.
/// </summary>
internal sealed class Entity
{
    public Entity(JsonObject json)
    {
        Json = json;
        Id = (string?)json["id"] ?? throw new ArgumentException("An entity needs an id.", nameof(json));
        OrgId = (string?)json["org_id"];
        SiteId = json["site_id"] is JsonValue site && site.TryGetValue<string>(out var siteId) ? siteId : null;
        Bytes = JsonBytes.From(json);
    }

    public string Id { get; }

    public string? OrgId { get; }

    public string? SiteId { get; }

    /// <summary>The object; do not change it (clone it to update).</summary>
    public JsonObject Json { get; }

    public byte[] Bytes { get; }

    /// <summary>A string property of the object, or null.</summary>
    public string? Text(string name) => Json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
