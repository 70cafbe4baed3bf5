using System.Text;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.State;

/// <summary>
/// A thread-safe, insertion-ordered set of entities by id. Reads scan an immutable snapshot taken
/// once per change, so a list request costs no lock held across the scan; filtered lists
/// (<see cref="Query"/>) are kept per collection version, so paging a list costs O(page) per page.
/// </summary>
internal sealed class EntityCollection
{
    /// <summary>How many distinct queries are kept at once (the cache starts over past this).</summary>
    public const int MaxCachedQueries = 64;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Slot> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Slot> ordered = [];
    private readonly Dictionary<string, CachedQuery> queries = new(StringComparer.Ordinal);
    private Entity[]? snapshot;
    private long version;

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

    /// <summary>A query key from its parts: distinct parts (null included) give distinct keys.</summary>
    public static string Key(params ReadOnlySpan<string?> parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            // U+001F separates parts; U+0000 stands for null (neither occurs in ids or query values Mist accepts).
            key.Append(part ?? "\0").Append('\u001f');
        }

        return key.ToString();
    }

    public Entity Add(JsonObject json)
    {
        var entity = new Entity(json);
        lock (gate)
        {
            var slot = new Slot(entity);
            byId.Add(entity.Id, slot);
            ordered.Add(slot);
            Changed();
        }

        return entity;
    }

    public Entity? Get(string id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id)?.Entity;
        }
    }

    /// <summary>Replaces an entity by <paramref name="update"/> applied to a copy of it; null when it is gone.</summary>
    public Entity? Update(string id, Action<JsonObject> update)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var slot))
            {
                return null;
            }

            var copy = slot.Entity.Json.DeepClone().AsObject();
            update(copy);
            slot.Entity = new Entity(copy);
            Changed();
            return slot.Entity;
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
            Changed();
            return removed.Entity;
        }
    }

    /// <summary>The entities matching <paramref name="predicate"/>, in order (a new list the caller may change).</summary>
    public List<Entity> Where(Func<Entity, bool> predicate) => Snapshot().Where(predicate).ToList();

    /// <summary>
    /// The entities matching <paramref name="predicate"/>, in order, computed once per collection version:
    /// <paramref name="key"/> must say everything the predicate depends on (see <see cref="Key"/>).
    /// </summary>
    public IReadOnlyList<Entity> Query(string key, Func<Entity, bool> predicate)
    {
        Entity[] items;
        long seen;
        lock (gate)
        {
            if (queries.TryGetValue(key, out var cached) && cached.Version == version)
            {
                return cached.Items;
            }

            items = SnapshotLocked();
            seen = version;
        }

        // Filter outside the lock: writers and other readers go on meanwhile.
        var matches = Array.FindAll(items, predicate.Invoke);
        lock (gate)
        {
            if (version == seen)
            {
                if (queries.Count >= MaxCachedQueries && !queries.ContainsKey(key))
                {
                    queries.Clear();
                }

                queries[key] = new CachedQuery(seen, matches);
            }
        }

        return matches;
    }

    private Entity[] Snapshot()
    {
        lock (gate)
        {
            return SnapshotLocked();
        }
    }

    private Entity[] SnapshotLocked()
    {
        if (snapshot is null)
        {
            var items = new Entity[ordered.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = ordered[i].Entity;
            }

            snapshot = items;
        }

        return snapshot;
    }

    private void Changed()
    {
        version++;
        snapshot = null;
        queries.Clear();
    }

    /// <summary>Where an id's current entity lives: an update swaps the entity and keeps its place in the order.</summary>
    private sealed class Slot(Entity entity)
    {
        public Entity Entity { get; set; } = entity;
    }

    private sealed record CachedQuery(long Version, Entity[] Items);
}
