using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Hosting;

/// <summary>The table and its route trie, built once per process and shared by every sandbox.</summary>
internal sealed class SandboxCatalog
{
    private static readonly Lazy<SandboxCatalog> Instance = new(() => new SandboxCatalog(ApiTable.Default));

    private SandboxCatalog(ApiTable table)
    {
        Table = table;
        Routes = new RouteTrie(table.Operations);
    }

    public static SandboxCatalog Default => Instance.Value;

    public ApiTable Table { get; }

    public RouteTrie Routes { get; }
}
