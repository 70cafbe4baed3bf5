using System.Reflection;
using Conduit.Http;
using Conduit.Mist.Api;
using Conduit.Mist.Tests.TestSupport;

namespace Conduit.Mist.Tests.Naming;

public sealed class GeneratedSurfaceTests
{
    private static readonly MistApiClient Root = new(new ConduitClient(new ConduitClientOptions { BaseAddress = new Uri("http://127.0.0.1:1") }));

    [Fact]
    public void Groups_EveryOperation_HasOneAsyncAndOneSyncMethod()
    {
        var groups = GeneratedOperations.Groups(Root);
        var methods = groups.SelectMany(g => g.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<MistOperationAttribute>() is not null)
            .ToList();
        var asyncIds = methods.Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.GetCustomAttribute<MistOperationAttribute>()!.OperationId).Distinct().Count();
        Assert.Equal(SandboxTable.Default.Operations.Count, asyncIds);
        Assert.Equal(methods.Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal)), methods.Count(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)));
        Assert.All(methods, m => Assert.True(m.IsVirtual, $"{m.DeclaringType!.Name}.{m.Name} is not virtual"));
        Assert.All(methods, m => Assert.Equal(typeof(CancellationToken), m.GetParameters()[^1].ParameterType));
    }

    [Fact]
    public void Groups_ClassesAreMockable_ProtectedParameterlessConstructor()
    {
        foreach (var group in GeneratedOperations.Groups(Root))
        {
            var constructor = group.GetType().GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
            Assert.True(constructor is { IsFamily: true }, $"{group.GetType().Name} has no protected parameterless constructor");
        }
    }

    [Fact]
    public void Root_ExampleOperations_HaveReadableNames()
    {
        Assert.NotNull(typeof(OrgsSitesApi).GetMethod("ListAsync"));
        Assert.NotNull(typeof(SitesDevicesApi).GetMethod("GetAsync"));
        Assert.NotNull(typeof(OrgsApi).GetMethod("GetAsync"));
        Assert.IsType<OrgsSitesApi>(Root.Orgs.Sites);
        Assert.IsType<SitesDevicesApi>(Root.Sites.Devices);
    }
}
