using System.Net;
using System.Text.Json;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests;

public sealed class SyncAsyncParityTests
{
    private static int _flaky;

    private static void Map(WebApplication app)
    {
        app.MapGet("/json", () => Results.Json(new Item("a", 1)));
        app.MapPost("/echo", async (HttpContext ctx) => Results.Text(await new StreamReader(ctx.Request.Body).ReadToEndAsync(ctx.RequestAborted), "application/json"));
        app.MapGet("/missing", () => Results.Json(new { detail = "no such thing" }, statusCode: 404));
        app.MapGet("/flaky", () => Interlocked.Increment(ref _flaky) % 2 == 1 ? Results.StatusCode(503) : Results.Text("recovered"));
        app.MapMethods("/verbs", ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "POST"], (HttpContext ctx) => Results.Text(ctx.Request.Method));
    }

    public static TheoryData<string> Scenarios => ["json", "echo", "missing", "flaky", "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "POST"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Send_AndSendAsync_GiveTheSameOutcome(string scenario)
    {
        await using var server = await LoopbackServer.StartAsync(Map);
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        var ct = TestContext.Current.CancellationToken;

        var asyncOutcome = await Outcome.CaptureAsync(() => client.SendAsync(Request(scenario), ct));
        var syncOutcome = await Outcome.CaptureAsync(() => Task.Run(() => client.Send(Request(scenario), ct), ct));

        Assert.Equal(asyncOutcome, syncOutcome);
        var expectedStatus = scenario == "missing" ? 404 : 200;
        Assert.Equal(expectedStatus, asyncOutcome.Status);
        Assert.Equal(scenario == "missing" ? nameof(NotFoundException) : null, asyncOutcome.ExceptionType);
    }

    [Fact]
    public async Task SendTyped_AndSendTypedAsync_DeserialiseTheSameValue()
    {
        await using var server = await LoopbackServer.StartAsync(Map);
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        var ct = TestContext.Current.CancellationToken;

        var a = await client.GetAsync("json", TestJson.Default.Item, ct);
        var s = client.Get("json", TestJson.Default.Item, ct);

        Assert.Equal(new Item("a", 1), a.Value);
        Assert.Equal(a.Value, s.Value);
        Assert.Equal(HttpStatusCode.OK, s.StatusCode);
    }

    private static ApiRequest Request(string scenario) => scenario switch
    {
        "json" => ApiRequest.Get("json"),
        "echo" => ApiRequest.Post("echo").WithBody(JsonBody.From(new Item("b", 2), TestJson.Default.Item)).WithIdempotencyKey("k"),
        "missing" => ApiRequest.Get("missing"),
        "flaky" => ApiRequest.Get("flaky"),
        _ => new ApiRequest(new HttpMethod(scenario), "verbs"),
    };

    private sealed record Outcome(int? Status, string Body, string? ExceptionType, string? Details)
    {
        public static async Task<Outcome> CaptureAsync(Func<Task<ApiResponse>> call)
        {
            try
            {
                var r = await call();
                return new Outcome((int)r.StatusCode, r.Text, null, null);
            }
            catch (ApiException ex)
            {
                return new Outcome(ex.StatusCode, ex.ResponseBody ?? string.Empty, ex.GetType().Name, ex.Details);
            }
        }
    }
}

public sealed record Item(string Name, int Count);

[System.Text.Json.Serialization.JsonSerializable(typeof(Item))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
