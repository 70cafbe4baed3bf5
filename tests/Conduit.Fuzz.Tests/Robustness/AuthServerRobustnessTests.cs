using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Conduit.AuthServer;
using Conduit.Fuzz.Tests.Infrastructure;
using CsCheck;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// Random requests to an embedded auth server (SQLite in memory, development routes on) — its routes with random JSON,
/// wrong types, invalid UTF-8, wrong content types, oversized bodies, odd methods, random paths and headers, garbage
/// and valid bearer tokens, and malformed HTTP — are always answered with a 4xx (or a 2xx where valid), never a 5xx and
/// never a dropped connection.
/// </summary>
public sealed class AuthServerRobustnessTests(FuzzReport report)
{
    private const string Target = "Auth server (requests by answer)";
    private const long MaxBodyBytes = 16 * 1024;
    private const string Password = "Correct-Horse-42!";

    private static readonly (string Method, string Route)[] Routes =
    [
        ("POST", "auth/register"), ("POST", "auth/verify-email"), ("POST", "auth/login"), ("POST", "auth/refresh"), ("POST", "auth/logout"),
        ("POST", "auth/change-password"), ("POST", "auth/forgot-password"), ("POST", "auth/reset-password"), ("GET", "users/me"), ("PATCH", "users/me"),
        ("GET", "health"), ("GET", "admin/outbox"), ("PATCH", "admin/users/{id}"),
    ];

    private static readonly Gen<string> FieldName = Gen.Frequency(
        (5, Gen.OneOf("email", "password", "first_name", "last_name", "refresh_token", "token", "current_password", "new_password", "is_active", "is_verified", "role")),
        (1, Gen.OneOf("Email", "PASSWORD", "firstName", "id", "created_at", "$type", "__proto__", "x")));

    [Fact]
    public async Task RandomRequests_AreAnswered4xxOr2xx_NeverServerErrorOrDropped()
    {
        using var logs = new LogCollector();
        await using var host = await AuthServerHost.StartAsync(
            new AuthServerOptions
            {
                SigningKey = "fuzz-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                PasswordHashIterations = 10,
                DevelopmentMode = true,
                MaxRequestBodyBytes = MaxBodyBytes,
                MaxFailedLoginsPerAccount = 1_000_000,
                MaxFailedLoginsPerIp = 1_000_000,
                ConfigureLogging = logging => logging.AddProvider(logs),
            },
            TestContext.Current.CancellationToken);
        var (accessToken, refreshToken, userId) = await RegisterAsync(host, logs);
        var requests = Requests(host.BaseUrl.AbsolutePath, accessToken, refreshToken, userId).Array[FuzzCases.Requests, FuzzCases.Requests].Single();
        using var sender = new RequestSender(host.BaseUrl);
        var run = new RobustnessRun(report, Target);

        await run.SendAllAsync(sender, requests);

        var (health, _) = await sender.SendAsync(new FuzzRequest("check", "health", "GET", host.BaseUrl.AbsolutePath + "health", [], null, null, false), TestContext.Current.CancellationToken);
        run.Print();
        foreach (var line in logs.Lines.Distinct().Take(20))
        {
            TestContext.Current.TestOutputHelper!.WriteLine("SERVER LOG " + line);
        }

        TestContext.Current.TestOutputHelper!.WriteLine($"{requests.Length} requests over {Routes.Length} routes; GET health afterwards: {health}.");
        Assert.Empty(run.Failures);
        Assert.Equal("2xx", health);
    }

    private static async Task<(string Access, string Refresh, string UserId)> RegisterAsync(AuthServerHost host, LogCollector logs)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var response = await http.PostAsJsonAsync("auth/register", new Dictionary<string, string>
        {
            ["email"] = "fuzz@example.com", ["password"] = Password, ["first_name"] = "Fuzz", ["last_name"] = "Tester",
        }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"register answered {(int)response.StatusCode}: {string.Join(" | ", logs.Lines)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;
        return (root.GetProperty("access_token").GetString()!, root.GetProperty("refresh_token").GetString()!, root.GetProperty("user").GetProperty("id").GetString()!);
    }

    private static Gen<FuzzRequest> Requests(string basePath, string accessToken, string refreshToken, string userId)
    {
        var route = Gen.Int[0, Routes.Length - 1].Select(i => Routes[i]);
        var id = Gen.Frequency((2, Gen.Const(userId)), (3, RequestGen.Segment));
        var token = Gen.Frequency(
            (4, Gen.Const<(string, string)[]>([("Authorization", "Bearer " + accessToken)])),
            (1, Gen.Const<(string, string)[]>([])),
            (2, Gen.OneOf<(string, string)[]>(
                [("Authorization", "Bearer garbage")], [("Authorization", "Bearer ")], [("Authorization", "Basic Zm9vOmJhcg==")],
                [("Authorization", "Bearer " + accessToken[..^3] + "abc")], [("Authorization", "Bearer " + accessToken + "." + accessToken)],
                [("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")], [("Authorization", "bearer " + new string('a', 6000))])));
        var knownValue = Gen.OneOf("fuzz@example.com", Password, refreshToken, "a@b", "", " ", "x", new string('a', 300), "ＦＵＺＺ@example.com", "Passw0rd!");
        var body = Gen.Frequency(
            (3, RequestGen.Body(FieldName)),
            (2, Gen.Select(FieldName, Gen.Frequency((2, knownValue.Select(static v => JsonSerializer.Serialize(v))), (1, Gen.OneOf("1", "true", "null", "[]", "{}", "1e999"))))
                .Array[1, 5].Select(static pairs => Encoding.UTF8.GetBytes("{" + string.Join(',', pairs.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"))));

        FuzzRequest Build(string requestClass, (string Method, string Route) r, string method, string idValue, string? query, IReadOnlyList<(string, string)> headers,
            byte[]? bytes, string? contentType, bool chunked) =>
            new(requestClass, r.Route, method, RequestGen.SafePath(basePath + r.Route.Replace("{id}", idValue, StringComparison.Ordinal) + (query is null ? string.Empty : "?" + query)),
                headers, bytes, contentType, chunked);

        return Gen.Frequency(
            (5, Gen.Select(route, id, token, body).Select((r, i, t, b) =>
                Build("route with a random JSON body", r, r.Method, i, null, t, r.Method == "GET" ? null : b, "application/json", false))),
            (3, Gen.Select(route, id, token, body, RequestGen.ContentType, Gen.Bool).Select((r, i, t, b, type, chunked) =>
                Build("route with a random body and content type", r, r.Method, i, null, t, b, type, chunked))),
            (1, Gen.Select(route, token, FuzzGen.InvalidUtf8).Select((r, t, bad) =>
                Build("invalid UTF-8 body", r, r.Method, userId, null, t, [.. "{\"email\":\""u8.ToArray(), .. bad, .. "\",\"password\":\"x\"}"u8.ToArray()], "application/json", false))),
            (1, Gen.Select(route, token, Gen.Int[(int)MaxBodyBytes + 1, (int)MaxBodyBytes * 8], Gen.Bool).Select((r, t, size, chunked) =>
                Build("oversized body", r, r.Method, userId, null, t, Oversized(size), "application/json", chunked))),
            (2, Gen.Select(route, id, token, RequestGen.OddMethod).Select((r, i, t, method) => Build("odd method", r, method, i, null, t, null, null, false))),
            (2, Gen.Select(route, token, RequestGen.Headers, body).Select((r, t, headers, b) =>
                Build("random headers", r, r.Method, userId, null, [.. t, .. headers], r.Method == "GET" ? null : b, "application/json", false))),
            (2, Gen.Select(RequestGen.Segment.Array[1, 5], Gen.OneOf("GET", "POST", "PATCH", "DELETE", "PUT"), token).Select((segments, method, t) =>
                new FuzzRequest("random path", "(random path)", method, RequestGen.SafePath(basePath + string.Join('/', segments)), t, null, null, false))),
            (2, Gen.Select(Gen.OneOf(("GET", "admin/outbox"), ("GET", "users/me"), ("GET", "health")), RequestGen.QueryValue.Array[1, 3], token).Select((r, values, t) =>
                Build("random query", r, r.Item1, userId, string.Join('&', values.Select((v, n) => (n == 0 ? "email" : "x" + n) + "=" + v)), t, null, null, false))),
            (1, RequestGen.MalformedHttp.Select(static raw => new FuzzRequest("malformed HTTP (raw socket)", "(raw)", "-", "-", [], null, null, false, raw))));
    }

    private static byte[] Oversized(int size)
    {
        var body = new byte[size];
        body.AsSpan().Fill((byte)' ');
        "{\"email\":\""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan(size - 2));
        return body;
    }
}
