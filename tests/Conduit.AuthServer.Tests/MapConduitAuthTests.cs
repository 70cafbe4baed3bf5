using System.Net;
using System.Net.Http.Json;
using Conduit.AuthServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conduit.AuthServer.Tests;

public sealed class MapConduitAuthTests
{
    [Fact]
    public async Task MapConduitAuth_InUserApplicationUnderCustomBasePath_ServesRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddConduitAuth(new AuthServerOptions { SigningKey = TestAuthServer.SigningKey, BasePath = "/identity/v1", PasswordHashIterations = 10 });
        await using var app = builder.Build();
        app.MapGet("/", () => "user route");
        app.MapConduitAuth();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address + "/identity/v1/") };

        using var register = await http.PostAsJsonAsync("auth/register", new { email = "host@example.com", password = TestAuthServer.Password, first_name = "H", last_name = "O" }, TestContext.Current.CancellationToken);
        using var health = await http.GetAsync("health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void MapConduitAuth_WithoutAddConduitAuth_ThrowsClearError()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapConduitAuth());

        Assert.Contains("AddConduitAuth", exception.Message, StringComparison.Ordinal);
    }
}
