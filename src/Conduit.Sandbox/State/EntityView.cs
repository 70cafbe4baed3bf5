using System.Runtime.CompilerServices;

namespace Conduit.Sandbox.State;

/// <summary>
/// Another JSON shape of stored entities (the org inventory's item of a device), serialised once per
/// stored entity: entities are immutable, so an update makes a new entity and the view follows it.
/// </summary>
internal sealed class EntityView(Func<Entity, byte[]> build)
{
    private readonly ConditionalWeakTable<Entity, byte[]> cache = [];

    /// <summary>The view of <paramref name="entity"/> as UTF-8 JSON.</summary>
    public byte[] Bytes(Entity entity) => cache.GetOrAdd(entity, build);
}
