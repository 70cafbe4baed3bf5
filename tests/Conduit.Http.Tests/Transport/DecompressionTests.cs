using System.IO.Compression;
using System.Net;
using System.Text;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Transport;

/// <summary>The client's own response decompression (<see cref="ConduitClientOptions.Decompression"/>) on the wire.</summary>
public sealed class DecompressionTests
{
    private static readonly string Json = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 300).Select(i => $"{{\"id\":{i}}}")) + "]}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Default_AsksForGzipDeflateBrotli_AndDecodesWithHeadersOfTheDecodedBody(bool async)
    {
        await using var server = await StartAsync();
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var response = await Get(client, "gzip", async);

        Assert.Equal(Json, response.Text);
        Assert.Equal("gzip, deflate, br", server.LastAcceptEncoding);
        Assert.Empty(response.ContentHeaders!.ContentEncoding);
        Assert.Null(response.ContentHeaders!.ContentLength);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task None_SendsNoAcceptEncoding_AndHandsTheBodyOverAsItCame(bool async)
    {
        await using var server = await StartAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.Decompression = DecompressionMethods.None;
        using var client = new ConduitClient(options);

        var response = await Get(client, "gzip", async);

        Assert.Equal("(none)", server.LastAcceptEncoding);
        Assert.Equal(Compress("gzip", Encoding.UTF8.GetBytes(Json)), response.Content.ToArray());
        Assert.Equal(["gzip"], response.ContentHeaders!.ContentEncoding);
    }

    [Fact]
    public async Task GzipOnly_AsksForGzip_AndLeavesAnotherEncodingAlone()
    {
        await using var server = await StartAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.Decompression = DecompressionMethods.GZip;
        using var client = new ConduitClient(options);

        var gzip = await client.GetAsync("gzip", TestContext.Current.CancellationToken);
        var brotli = await client.GetAsync("br", TestContext.Current.CancellationToken);

        Assert.Equal("gzip", server.LastAcceptEncoding);
        Assert.Equal(Json, gzip.Text);
        Assert.Equal(Compress("br", Encoding.UTF8.GetBytes(Json)), brotli.Content.ToArray());
    }

    [Fact]
    public async Task DefaultHeaderAcceptEncoding_WinsOverTheOption()
    {
        await using var server = await StartAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.DefaultHeaders["Accept-Encoding"] = "identity";
        using var client = new ConduitClient(options);

        var response = await client.GetAsync("plain", TestContext.Current.CancellationToken);

        Assert.Equal("identity", server.LastAcceptEncoding);
        Assert.Equal(Json, response.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompressedBodyDecodingPastTheLimit_FailsTheCall_WithoutBufferingIt(bool async)
    {
        await using var server = await StartAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.MaxResponseBodySize = 1024 * 1024;
        using var client = new ConduitClient(options);

        // 8 MiB of zeros compress to a few KiB: the limit applies to what the body decodes to, not to what came.
        var ex = async
            ? await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("bomb", TestContext.Current.CancellationToken))
            : Assert.Throws<ApiException>(() => client.Send(ApiRequest.Get("bomb"), TestContext.Current.CancellationToken));

        Assert.Contains("more than MaxResponseBodySize (1048576 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownDecompressionFlag_IsReported()
    {
        var options = new ConduitClientOptions { Decompression = (DecompressionMethods)64 };

        Assert.Contains(options.Validate(), p => p.Contains("Decompression", StringComparison.Ordinal));
    }

    private static async Task<ApiResponse> Get(ConduitClient client, string path, bool async) => async
        ? await client.GetAsync(path, TestContext.Current.CancellationToken)
        : client.Send(ApiRequest.Get(path), TestContext.Current.CancellationToken);

    private static byte[] Compress(string encoding, byte[] data)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
            _ => new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return buffer.ToArray();
    }

    private static async Task<EncodingServer> StartAsync()
    {
        var state = new EncodingServer();
        state.Server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/{encoding}", (HttpContext ctx, string encoding) =>
            {
                state.LastAcceptEncoding = ctx.Request.Headers.AcceptEncoding.Count == 0 ? "(none)" : ctx.Request.Headers.AcceptEncoding.ToString();
                var body = encoding == "bomb" ? Compress("gzip", new byte[8 * 1024 * 1024]) : encoding == "plain" ? Encoding.UTF8.GetBytes(Json) : Compress(encoding, Encoding.UTF8.GetBytes(Json));
                if (encoding != "plain")
                {
                    ctx.Response.Headers.ContentEncoding = encoding == "bomb" ? "gzip" : encoding;
                }

                return Results.Bytes(body, "application/json");
            });
        });
        return state;
    }

    private sealed class EncodingServer : IAsyncDisposable
    {
        public LoopbackServer Server { get; set; } = null!;

        public Uri BaseAddress => Server.BaseAddress;

        public string? LastAcceptEncoding { get; set; }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
