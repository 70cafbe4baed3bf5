using System.IO.Compression;
using System.Text;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Transport;

public sealed class ContentTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task SendAsync_CompressedResponse_IsDecoded(string encoding)
    {
        var json = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"{{\"id\":{i}}}")) + "]}";
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/big", async (HttpContext ctx) =>
        {
            ctx.Response.Headers.ContentEncoding = encoding;
            ctx.Response.ContentType = "application/json";
            await using Stream compressed = encoding switch
            {
                "gzip" => new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
                "br" => new BrotliStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
                _ => new ZLibStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
            };
            await compressed.WriteAsync(Encoding.UTF8.GetBytes(json), ctx.RequestAborted);
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var response = await client.GetAsync("big", TestContext.Current.CancellationToken);

        Assert.Equal(json, response.Text);
    }

    [Fact]
    public async Task SendAsync_FormBody_ArrivesUrlEncoded()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/form", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            return Results.Text($"{form["name"]}|{form["note"]}|{ctx.Request.ContentType}");
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var response = await client.PostAsync("form", new FormBody([new("name", "ünïcode & co"), new("note", "a=b")]), TestContext.Current.CancellationToken);

        Assert.Equal("ünïcode & co|a=b|application/x-www-form-urlencoded", response.Text);
    }

    [Fact]
    public async Task SendAsync_MultipartBody_ArrivesWithFieldsAndFiles()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/upload", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var file = form.Files["file"]!;
            using var reader = new StreamReader(file.OpenReadStream());
            return Results.Text($"{form["json"]}|{file.FileName}|{file.ContentType}|{await reader.ReadToEndAsync(ctx.RequestAborted)}");
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        var body = new MultipartBody()
            .AddField("json", "{\"name\":\"floor 1\"}")
            .AddFile("file", "map.png", "PNGDATA"u8.ToArray(), "image/png");

        var response = await client.PostAsync("upload", body, TestContext.Current.CancellationToken);

        Assert.Equal("{\"name\":\"floor 1\"}|map.png|image/png|PNGDATA", response.Text);
    }

    [Fact]
    public async Task SendAsync_BodyLargerThanLimit_ThrowsWithoutBufferingIt()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/declared", () => Results.Bytes(new byte[4096], "application/octet-stream"));
            app.MapGet("/chunked", async (HttpContext ctx) =>
            {
                for (var i = 0; i < 8; i++)
                {
                    await ctx.Response.Body.WriteAsync(new byte[1024], ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                }
            });
        });
        var options = TestClients.FastOptions(server.BaseAddress);
        options.MaxResponseBodySize = 2048;
        using var client = new ConduitClient(options);

        var declared = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("declared", TestContext.Current.CancellationToken));
        var chunked = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("chunked", TestContext.Current.CancellationToken));

        Assert.Contains("more than MaxResponseBodySize (2048 bytes)", declared.Message, StringComparison.Ordinal);
        Assert.Contains("more than MaxResponseBodySize (2048 bytes)", chunked.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("GET", "/declared"));
    }

    [Fact]
    public async Task SendTypedAsync_MalformedJson_ThrowsApiExceptionKeepingTheRawBody()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/json", () => Results.Text("{\"name\": \"a\", \"count\": ", "application/json")));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("json", TestJson.Default.Item, TestContext.Current.CancellationToken));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("{\"name\": \"a\", \"count\": ", ex.ResponseBody);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task SendAsync_TruncatedBodyThenWhole_RetriesTheGet()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/cut", async (HttpContext ctx) =>
        {
            ctx.Response.ContentLength = 100;
            if (Interlocked.Increment(ref calls) == 1)
            {
                await ctx.Response.Body.WriteAsync("{\"partial\":"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                ctx.Abort();
                return;
            }

            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(new string('x', 100)), ctx.RequestAborted);
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var response = await client.GetAsync("cut", TestContext.Current.CancellationToken);

        Assert.Equal(100, response.Content.Length);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_Headers_DefaultAndPerRequestAndQueryEncoding_ReachTheServer()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/echo/{id}", (HttpContext ctx, string id) =>
            Results.Text($"{id}|{ctx.Request.QueryString}|{ctx.Request.Headers["X-Default"]}|{ctx.Request.Headers["X-Call"]}|{ctx.Request.Headers.UserAgent}")));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.DefaultHeaders["X-Default"] = "d";
        using var client = new ConduitClient(options);
        var request = ApiRequest.Get("echo/{0}", "a b/ü")
            .WithQuery("enabled", false)
            .WithQuery("count", 0)
            .WithQuery("skip", (int?)null)
            .WithQuery("q", "x&y=z")
            .WithHeader("X-Call", "c");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // The slash stays escaped, so the value is one path segment (ASP.NET Core keeps %2F in route values).
        Assert.Equal("a b%2Fü|?enabled=false&count=0&q=x%26y%3Dz|d|c|Conduit/1.0", response.Text);
    }
}
