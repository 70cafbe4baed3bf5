using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conduit.Http.Tests.DependencyInjection;

public sealed class AddConduitClientTests
{
    [Fact]
    public async Task AddConduitClient_KeyedAndFactory_ResolveTheSameWorkingClient()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ping", (HttpContext ctx) => Results.Text(ctx.Request.Headers["X-App"].ToString())));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConduitClient("backend", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.DefaultHeaders["X-App"] = "conduit-tests";
        });
        await using var provider = services.BuildServiceProvider();

        var keyed = provider.GetRequiredKeyedService<ConduitClient>("backend");
        var fromFactory = provider.GetRequiredService<IConduitClientFactory>().GetClient("backend");
        var response = await keyed.GetAsync("ping", TestContext.Current.CancellationToken);

        Assert.Same(keyed, fromFactory);
        Assert.Equal("backend", keyed.Name);
        Assert.Equal("conduit-tests", response.Text);
    }

    [Fact]
    public async Task AddConduitClient_InvalidOptions_FailHostStartWithEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddConduitClient("broken", o =>
        {
            o.BaseAddress = new Uri("ftp://x/");
            o.Retry.MaxRetries = -1;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            ["Conduit client 'broken': BaseAddress must be an absolute http or https URL, but was 'ftp://x/'.", "Conduit client 'broken': Retry.MaxRetries must be 0 or more, but was -1."],
            ex.Failures);
    }

    [Fact]
    public void GetClient_UnknownName_ThrowsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddConduitClient("known", o => o.BaseAddress = new Uri("https://example.com/"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IConduitClientFactory>().GetClient("unknown"));

        Assert.Contains("'unknown'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConduitClient_SameNameTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddConduitClient("dup", _ => { });

        Assert.Throws<InvalidOperationException>(() => services.AddConduitClient("dup", _ => { }));
    }
}
