using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conduit.Sandbox.Tests.Robustness;

public sealed class GarbageInputTests
{
    [Fact]
    public async Task Body_RandomBytes_Answers4xxAndServerKeepsServing()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var random = new Random(7);
        foreach (var contentType in new[] { "application/json", "application/octet-stream", "text/plain" })
        {
            for (var i = 0; i < 10; i++)
            {
                var bytes = new byte[random.Next(1, 4096)];
                random.NextBytes(bytes);
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                using var response = await client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", content, SandboxTestHost.Token);
                Assert.InRange((int)response.StatusCode, 400, 499);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Body_InvalidUtf8InsideJsonString_Answers400()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        byte[] bytes = [.. "{\"name\": \""u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", content, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Body_EscapedLoneSurrogate_AnswersWithout5xx()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json("{\"name\": \"\\ud800\"}"), SandboxTestHost.Token);
        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task Body_DeeplyNestedJson_Answers400()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var nested = new string('[', 5000) + new string(']', 5000);
        using var response = await client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json(nested), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Headers_Huge_Answers431()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/self");
        request.Headers.Add("X-Filler", new string('a', 64 * 1024));
        using var response = await client.SendAsync(request, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Theory]
    [InlineData("GET /api/v1/sites/%C3%28%FF HTTP/1.1")]
    [InlineData("GET /api/v1/self?x=%FF%FE HTTP/1.1")]
    [InlineData("GET /api/v1/\u00ff\u00fe HTTP/1.1")]
    [InlineData("BREW /api/v1/self HTTP/1.1")]
    [InlineData("GET /api/v1/%zz%%/self HTTP/1.1")]
    [InlineData("\u0001\u0002\u0003garbage")]
    public async Task RawRequest_InvalidBytes_Answers4xx(string requestLine)
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var uri = new Uri(sandbox.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port, SandboxTestHost.Token);
        await using var stream = tcp.GetStream();
        var raw = Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: {uri.Authority}\r\nAuthorization: Token {sandbox.Seed.Tokens[0]}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(raw, SandboxTestHost.Token);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync(SandboxTestHost.Token);
        Assert.NotNull(statusLine);
        var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(status, 400, 499);
    }
}
