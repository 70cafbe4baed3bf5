using System.Text.Json.Nodes;

namespace Conduit.Sandbox.State;

/// <summary>A thread-safe, insertion-ordered set of entities by id.</summary>
internal sealed class EntityCollection
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entity> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entity> ordered = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return ordered.Count;
            }
        }
    }

    public Entity Add(JsonObject json)
    {
        var entity = new Entity(json);
        lock (gate)
        {
            byId.Add(entity.Id, entity);
            ordered.Add(entity);
        }

        return entity;
    }

    public Entity? Get(string id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Replaces an entity by <paramref name="update"/> applied to a copy of it; null when it is gone.</summary>
    public Entity? Update(string id, Action<JsonObject> update)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var current))
            {
                return null;
            }

            var copy = current.Json.DeepClone().AsObject();
            update(copy);
            var next = new Entity(copy);
            byId[id] = next;
            ordered[ordered.IndexOf(current)] = next;
            return next;
        }
    }

    public Entity? Remove(string id)
    {
        lock (gate)
        {
            if (!byId.Remove(id, out var removed))
            {
                return null;
            }

            ordered.Remove(removed);
            return removed;
        }
    }

    public List<Entity> Where(Func<Entity, bool> predicate)
    {
        lock (gate)
        {
            return ordered.Where(predicate).ToList();
        }
    }
}
