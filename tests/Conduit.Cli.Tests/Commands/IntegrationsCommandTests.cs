using System.CommandLine;
using System.Text.Json;
using Conduit.Cli.Commands.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Commands;

public sealed class IntegrationsCommandTests : IAsyncLifetime
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"conduit-integrations-{Guid.NewGuid():N}.json");
    private WebApplication _server = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/api/health", () => Results.Text("ok"));
        _server.MapGet("/api/items", (HttpContext ctx) => Results.Json(new { key = ctx.Request.Headers["X-API-Key"].ToString(), q = ctx.Request.Query["q"].ToString() }));
        _server.MapGet("/down/health", () => Results.StatusCode(503));
        await _server.StartAsync();
        var url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await File.WriteAllTextAsync(_config, $$"""
            {
              "integrations": [
                { "name": "inventory", "baseUrl": "{{url}}/api/", "authentication": { "type": "apiKey", "apiKey": "inv-key-123456" }, "retry": { "maxRetries": 0 } },
                { "name": "legacy", "baseUrl": "{{url}}/down/", "retry": { "maxRetries": 0 } }
              ]
            }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_config);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { IntegrationsCommand.Create(console) };
        var exit = await root.Parse(["integrations", .. args, "--config", _config]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, console.Output);
    }

    [Fact]
    public async Task List_Json_GivesEveryIntegrationWithoutSecrets()
    {
        var (exit, output) = await RunAsync("list", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["inventory", "legacy"], json.RootElement.GetProperty("integrations").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.DoesNotContain("inv-key-123456", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OneUnhealthy_ExitsOneAndShowsBoth()
    {
        var (exit, output) = await RunAsync("status");

        Assert.Equal(1, exit);
        Assert.Contains("Healthy", output, StringComparison.Ordinal);
        Assert.Contains("Unhealthy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithQuery_SendsAuthAndPrintsTheBody()
    {
        var (exit, output) = await RunAsync("call", "inventory", "GET", "items", "--query", "q=lamps", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(200, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("lamps", json.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BadQueryOrUnknownIntegration_ExitsTwo()
    {
        var (badQuery, queryOutput) = await RunAsync("call", "inventory", "GET", "items", "--query", "novalue");
        var (unknown, _) = await RunAsync("call", "nope", "GET", "items");

        Assert.Equal(2, badQuery);
        Assert.Contains("--query takes name=value", queryOutput, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
    }

    [Fact]
    public async Task List_MissingFile_ExitsTwo()
    {
        File.Delete(_config);

        var (exit, output) = await RunAsync("list");

        Assert.Equal(2, exit);
        Assert.Contains("error:", output, StringComparison.Ordinal);
    }
}
