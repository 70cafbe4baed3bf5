using System.Text;
using System.Text.Json.Nodes;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Tests.State;

public sealed class EntityCollectionTests
{
    private static readonly string OnSiteA = EntityCollection.Key("site", "a");

    [Fact]
    public void Query_Repeated_ReturnsTheCachedListUntilTheCollectionChanges()
    {
        var devices = Devices(10);
        var first = devices.Query(OnSiteA, d => d.SiteId == "a");
        Assert.Same(first, devices.Query(OnSiteA, d => d.SiteId == "a"));

        devices.Add(Device("new", "a"));
        var second = devices.Query(OnSiteA, d => d.SiteId == "a");
        Assert.NotSame(first, second);
        Assert.Equal(first.Count + 1, second.Count);
    }

    [Fact]
    public void Query_AfterAddUpdateRemove_SeesEveryChangeInOrder()
    {
        var devices = Devices(6);
        Assert.Equal(["d0", "d2", "d4"], Ids(devices.Query(OnSiteA, d => d.SiteId == "a")));

        devices.Update("d1", json => json["site_id"] = "a");
        Assert.Equal(["d0", "d1", "d2", "d4"], Ids(devices.Query(OnSiteA, d => d.SiteId == "a")));

        devices.Update("d0", json => json["site_id"] = "b");
        devices.Remove("d4");
        devices.Add(Device("d6", "a"));
        Assert.Equal(["d1", "d2", "d6"], Ids(devices.Query(OnSiteA, d => d.SiteId == "a")));
    }

    [Fact]
    public void Update_ReplacesTheEntityInPlace_OrderAndBytesFollow()
    {
        var devices = Devices(3);
        var updated = devices.Update("d1", json => json["name"] = "renamed");
        Assert.Equal(["d0", "d1", "d2"], Ids(devices.Where(_ => true)));
        Assert.Same(updated, devices.Get("d1"));
        Assert.Contains("\"renamed\"", Encoding.UTF8.GetString(devices.Query("all", _ => true)[1].Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_MoreKeysThanTheCacheHolds_EveryAnswerStaysRight()
    {
        var devices = Devices(2 * EntityCollection.MaxCachedQueries);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 2 * EntityCollection.MaxCachedQueries; i++)
            {
                var id = $"d{i}";
                Assert.Equal([id], Ids(devices.Query(EntityCollection.Key("by-id", id), d => d.Id == id)));
            }
        }
    }

    [Fact]
    public void Key_DistinctParts_GiveDistinctKeys()
    {
        Assert.NotEqual(EntityCollection.Key("site", null), EntityCollection.Key("site", string.Empty));
        Assert.NotEqual(EntityCollection.Key("ab", "c"), EntityCollection.Key("a", "bc"));
        Assert.NotEqual(EntityCollection.Key("a"), EntityCollection.Key("a", null));
        Assert.Equal(EntityCollection.Key("a", null, "b"), EntityCollection.Key("a", null, "b"));
    }

    [Fact]
    public void EntityView_BuiltOncePerStoredEntity_RebuiltAfterAnUpdate()
    {
        var devices = Devices(2);
        var builds = 0;
        var view = new EntityView(e =>
        {
            builds++;
            return JsonBytes.From(new JsonObject { ["hostname"] = e.Text("name") });
        });

        var before = view.Bytes(devices.Get("d0")!);
        Assert.Same(before, view.Bytes(devices.Get("d0")!));
        Assert.Equal(1, builds);

        devices.Update("d0", json => json["name"] = "renamed");
        Assert.Equal("""{"hostname":"renamed"}""", Encoding.UTF8.GetString(view.Bytes(devices.Get("d0")!)));
        Assert.Equal(2, builds);
    }

    private static EntityCollection Devices(int count)
    {
        var devices = new EntityCollection();
        for (var i = 0; i < count; i++)
        {
            devices.Add(Device($"d{i}", i % 2 == 0 ? "a" : "b"));
        }

        return devices;
    }

    private static JsonObject Device(string id, string site) => new() { ["id"] = id, ["site_id"] = site, ["name"] = $"name-{id}" };

    private static string[] Ids(IEnumerable<Entity> entities) => [.. entities.Select(e => e.Id)];
}
