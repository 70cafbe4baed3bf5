using Conduit.Integrations.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conduit.Integrations.Tests.DependencyInjection;

public sealed class AddConduitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class CrmClient(IntegrationClient client)
    {
        public Task<string> WhoAsync() => client.GetAsync("who").ContinueWith(static t => t.Result.Text, TaskScheduler.Default);
    }

    [Fact]
    public async Task AddConduit_Configuration_RegistersManagerKeyedAndTypedClients()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/who", (HttpContext c) => Results.Text(c.Request.Headers["X-App"].ToString())));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:0:name"] = "crm",
            ["Conduit:Integrations:0:baseUrl"] = server.BaseAddress.ToString(),
            ["Conduit:Integrations:0:defaultHeaders:X-App"] = "from-config",
        }).Build();
        var services = new ServiceCollection();
        services.AddConduit(configuration)
            .AddIntegration("coded", o => o.BaseUrl = server.BaseAddress)
            .AddTypedClient<CrmClient>("crm");
        await using var provider = services.BuildServiceProvider();

        var manager = provider.GetRequiredService<IntegrationManager>();
        var keyed = provider.GetRequiredKeyedService<IntegrationClient>("crm");
        var typed = provider.GetRequiredService<CrmClient>();

        Assert.Equal(["coded", "crm"], manager.Names);
        Assert.Equal("crm", keyed.Name);
        Assert.Equal("from-config", (await keyed.GetAsync("who", Ct)).Text);
        Assert.Equal("from-config", await typed.WhoAsync());
    }

    [Fact]
    public async Task AddConduit_InvalidConfiguration_HostFailsAtStartWithEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:crm:baseUrl"] = "nope",
            ["Conduit:Integrations:crm:retry:maxRetries"] = "-1",
            ["Conduit:Integrations:crm:authentication:type"] = "bearer",
            ["Conduit:Integrations:crm:authentication:token"] = "${ENV:CONDUIT_TEST_SURELY_UNSET_VARIABLE}",
            ["Conduit:Integrations:crm:unknown"] = "x",
        });
        builder.Services.AddConduit(builder.Configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Equal(
            [
                "Integration 'crm': baseUrl must be an absolute URL, but was 'nope'.",
                "Integration 'crm': unknown is not a known field.",
                "Integration 'crm': baseUrl is required.",
                "Integration 'crm': authentication.token references environment variable 'CONDUIT_TEST_SURELY_UNSET_VARIABLE', which is not set.",
                "Integration 'crm': retry.maxRetries must be -1 or more, but was -1.".Replace("-1 or more", "0 or more", StringComparison.Ordinal),
            ],
            ex.Failures);
    }

    [Fact]
    public async Task AddConduit_ConfigurationReloaded_ManagerAddsUpdatesAndRemovesIntegrations()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/who", (HttpContext c) => Results.Text(c.Request.Headers["X-App"].ToString())));
        var url = server.BaseAddress.ToString();
        var source = new ReplaceableConfiguration(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:a:baseUrl"] = url,
            ["Conduit:Integrations:a:defaultHeaders:X-App"] = "v1",
            ["Conduit:Integrations:b:baseUrl"] = url,
        });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection();
        services.AddConduit(configuration).AddIntegration("coded", o => o.BaseUrl = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var manager = provider.GetRequiredService<IntegrationManager>();

        source.Replace(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:a:baseUrl"] = url,
            ["Conduit:Integrations:a:defaultHeaders:X-App"] = "v2",
            ["Conduit:Integrations:c:baseUrl"] = url,
        });
        var afterValid = manager.Names;
        var header = (await manager.GetAsync("a", "who", Ct)).Text;
        source.Replace(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:a:baseUrl"] = url,
            ["Conduit:Integrations:a:timeout"] = "soon",
        });

        Assert.Equal(["a", "c", "coded"], afterValid);
        Assert.Equal("v2", header);
        Assert.Equal(["a", "c", "coded"], manager.Names);
        Assert.Equal(TimeSpan.FromSeconds(30), manager.GetIntegration("a").Timeout);
    }
}
