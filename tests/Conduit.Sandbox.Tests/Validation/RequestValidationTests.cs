using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.Validation;

public sealed class RequestValidationTests
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(MistSandbox sandbox, HttpMethod method, string path, HttpContent? content = null)
    {
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request, SandboxTestHost.Token);
        return (response.StatusCode, await SandboxTestHost.ReadJsonAsync(response));
    }

    [Fact]
    public async Task PathParameter_NotAUuid_Answers400NamingParameter()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, "/api/v1/orgs/not-a-uuid");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("org_id", (string?)body!["parameter"]);
        Assert.Equal("path", (string?)body["in"]);
        Assert.Contains("not a UUID", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameter_NotAnInteger_Answers400NamingParameter()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites?limit=ten");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("limit", (string?)body!["parameter"]);
        Assert.Contains("not an integer", (string?)body["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameter_EnumValueNotListed_Answers400NamingParameter()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/devices?type=toaster");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("type", (string?)body!["parameter"]);
        Assert.Contains("is not one of", (string?)body["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameter_Unknown_Answers400NamingParameter()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, "/api/v1/self?colour=blue");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("colour", (string?)body!["parameter"]);
        Assert.Contains("no such query parameter", (string?)body["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameter_RequiredMissing_Answers400NamingParameter()
    {
        var operation = Conduit.Sandbox.Table.ApiTable.Default.Operations.First(o => o.Method == "GET"
            && o.Parameters.Any(p => p.In == "query" && p.Required)
            && o.Parameters.Where(p => p.In == "path").All(p => p.Name == "org_id"));
        var required = operation.Parameters.First(p => p.In == "query" && p.Required);
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, operation.Path.Replace("{org_id}", sandbox.Seed.OrgId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(required.Name, (string?)body!["parameter"]);
        Assert.Contains("required", (string?)body["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_NotJson_Answers400WithParseError()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json("{\"name\": "));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("body", (string?)body!["parameter"]);
        Assert.StartsWith("JSON parse error", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_WrongType_Answers400WithJsonPath()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json("{\"name\": 42}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.name", (string?)body!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_RequiredPropertyMissingOnCreate_Answers400()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json("{\"notes\": \"x\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'name' is missing", (string?)body!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_RequiredButEmpty_Answers400()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Post, "/api/v1/login", SandboxTestHost.Json(string.Empty));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("required", (string?)body!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_LargerThanLimit_Answers413()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.MaxRequestBodyBytes = 2048);
        var big = "{\"name\": \"" + new string('x', 5000) + "\"}";
        var (status, _) = await SendAsync(sandbox, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Path_Unknown_Answers404WithDetail()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var (status, body) = await SendAsync(sandbox, HttpMethod.Get, "/api/v1/no/such/thing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not found.", (string?)body!["detail"]);
    }

    [Fact]
    public async Task Method_NotRouted_Answers405WithAllow()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.PatchAsync("/api/v1/self", SandboxTestHost.Json("{}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("DELETE, GET, PUT", string.Join(", ", response.Content.Headers.Allow.Count > 0 ? response.Content.Headers.Allow : response.Headers.GetValues("Allow")));
    }
}
