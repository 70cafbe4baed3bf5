using System.Text;
using System.Text.RegularExpressions;
using Conduit.Fuzz.Tests.Infrastructure;
using Conduit.Sandbox;
using CsCheck;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// Random requests to an embedded MistSandbox — real routes with garbage parameters, random paths, odd methods, random
/// headers and bodies, invalid UTF-8, oversized bodies, bad credentials and malformed HTTP — are always answered with a
/// 4xx (or a 2xx where the request is valid), never a 5xx and never a dropped connection.
/// </summary>
public sealed partial class SandboxRobustnessTests(FuzzReport report)
{
    private const string Target = "MistSandbox (requests by answer)";
    private const int MaxBodyBytes = 256 * 1024;

    private static readonly Gen<string> FieldName = Gen.OneOf(
        "name", "site_id", "org_id", "enabled", "ssid", "vlan_id", "mac", "serial", "type", "model", "timezone", "country_code", "address", "latlng",
        "auth", "psk", "email", "password", "two_factor", "limit", "page", "start", "end", "duration", "notes", "tags", "id", "x");

    [Fact]
    public async Task RandomRequests_AreAnswered4xxOr2xx_NeverServerErrorOrDropped()
    {
        await using var sandbox = await MistSandbox.StartAsync(
            new MistSandboxOptions { EnableHttps = false, SiteCount = 3, DeviceCount = 30, HourlyQuota = 1_000_000, MaxRequestBodyBytes = MaxBodyBytes },
            TestContext.Current.CancellationToken);
        var routes = SandboxRoutes.Load();
        var requests = Requests(sandbox, routes).Array[FuzzCases.Requests, FuzzCases.Requests].Single();
        using var sender = new RequestSender(new Uri(sandbox.BaseUrl));
        var run = new RobustnessRun(report, Target);

        await run.SendAllAsync(sender, requests);

        // The sandbox still serves normal requests afterwards.
        var (after, _) = await sender.SendAsync(WithToken(sandbox, new FuzzRequest("check", "/api/v1/self", "GET", "/api/v1/self", [], null, null, false)), TestContext.Current.CancellationToken);
        run.Print();
        TestContext.Current.TestOutputHelper!.WriteLine($"{requests.Length} requests over {routes.Count} routes; GET /api/v1/self afterwards: {after}.");
        Assert.Empty(run.Failures);
        Assert.Equal("2xx", after);
    }

    private static Gen<FuzzRequest> Requests(MistSandbox sandbox, IReadOnlyList<SandboxRoute> routes)
    {
        var route = Gen.Int[0, routes.Count - 1].Select(i => routes[i]);
        var seeded = route.SelectMany(r => SeededValues(sandbox, r).Select(values => (r, values)));
        var garbage = route.SelectMany(r => RequestGen.Segment.Array[r.PathParameters.Count, r.PathParameters.Count].Select(values => (r, values)));
        var query = Gen.Select(route.SelectMany(r => Gen.Frequency((3, Gen.OneOf(r.QueryParameters.DefaultIfEmpty("limit").ToArray())), (1, FuzzGen.Text(1, 8)))), RequestGen.QueryValue)
            .Array[0, 3];
        var body = RequestGen.Body(FieldName);

        return Gen.Frequency(
            (4, Gen.Select(seeded, query, body, Gen.Bool).Select((rv, q, b, withBody) =>
                WithToken(sandbox, Build("real route, seeded ids, random query", rv.r, rv.values, q, rv.r.Method, [], withBody || rv.r.HasBody ? b : null, "application/json", false)))),
            (3, Gen.Select(garbage, query).Select((rv, q) =>
                WithToken(sandbox, Build("real route, garbage path parameters", rv.r, rv.values, q, rv.r.Method, [], null, null, false)))),
            (2, Gen.Select(RequestGen.Segment.Array[1, 6], Gen.OneOf("GET", "POST", "PUT", "DELETE"), Gen.OneOf("/api/v1/", "/api/", "/", "/api-ws/v1/", "/api/v2/"))
                .Select((segments, method, prefix) => WithToken(sandbox, new FuzzRequest("random path", "(random path)", method, RequestGen.SafePath(prefix + string.Join('/', segments)), [], null, null, false)))),
            (2, Gen.Select(seeded, RequestGen.OddMethod).Select((rv, method) =>
                WithToken(sandbox, Build("odd method on a real route", rv.r, rv.values, [], method, [], null, null, false)))),
            (2, Gen.Select(seeded, RequestGen.Headers).Select((rv, headers) =>
                WithToken(sandbox, Build("random headers", rv.r, rv.values, [], rv.r.Method, headers, null, null, false)))),
            (3, Gen.Select(seeded.Where(rv => rv.r.Method is "POST" or "PUT"), body, RequestGen.ContentType, Gen.Bool).Select((rv, b, type, chunked) =>
                WithToken(sandbox, Build("random body and content type", rv.r, rv.values, [], rv.r.Method, [], b, type, chunked)))),
            (1, Gen.Select(seeded.Where(rv => rv.r.Method is "POST" or "PUT"), FuzzGen.InvalidUtf8, Gen.Bool).Select((rv, b, chunked) =>
                WithToken(sandbox, Build("invalid UTF-8 body", rv.r, rv.values, [], rv.r.Method, [], [.. "{\"name\":\""u8.ToArray(), .. b, .. "\"}"u8.ToArray()], "application/json", chunked)))),
            (1, Gen.Select(seeded.Where(rv => rv.r.HasBody), Gen.Int[MaxBodyBytes + 1, 4 * MaxBodyBytes], Gen.Bool).Select((rv, size, chunked) =>
                WithToken(sandbox, Build("oversized body", rv.r, rv.values, [], rv.r.Method, [], Oversized(size), "application/json", chunked)))),
            (2, Gen.Select(seeded, Credentials()).Select((rv, credential) =>
                Build("bad credentials", rv.r, rv.values, [], rv.r.Method, credential, null, null, false))),
            (1, RequestGen.MalformedHttp.Select(static raw => new FuzzRequest("malformed HTTP (raw socket)", "(raw)", "-", "-", [], null, null, false, raw))));
    }

    /// <summary>Path values that mostly exist: the seeded MSP, org and site ids, else random UUIDs.</summary>
    private static Gen<string[]> SeededValues(MistSandbox sandbox, SandboxRoute route) =>
        Gen.Guid.Array[route.PathParameters.Count, route.PathParameters.Count].Select(guids => route.PathParameters.Select((name, i) => name switch
        {
            "org_id" => sandbox.Seed.OrgId,
            "site_id" => sandbox.Seed.SiteIds[i % sandbox.Seed.SiteIds.Count],
            "msp_id" => sandbox.Seed.MspId,
            _ => guids[i].ToString(),
        }).ToArray());

    private static Gen<(string, string)[]> Credentials() => Gen.OneOf<(string, string)[]>(
        [],
        [("Authorization", "Token garbage")],
        [("Authorization", "Token ")],
        [("Authorization", "Bearer abc")],
        [("Authorization", "Basic !!!notbase64")],
        [("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("nobody@example.com:wrong")))],
        [("Authorization", "token " + new string('a', 2000))],
        [("Cookie", "sessionid=garbage; csrftoken=x")],
        [("Cookie", "sessionid=; csrftoken=")],
        [("Authorization", "Token a"), ("Authorization", "Token b")]);

    private static FuzzRequest Build(string requestClass, SandboxRoute route, string[] values, (string, string)[] query, string method,
        IReadOnlyList<(string, string)> headers, byte[]? body, string? contentType, bool chunked)
    {
        var i = 0;
        var path = ParameterPattern().Replace(route.Template, _ => i < values.Length ? values[i++] : "x");
        if (query.Length > 0)
        {
            path += "?" + string.Join('&', query.Select(static q => Uri.EscapeDataString(q.Item1) + "=" + q.Item2));
        }

        return new FuzzRequest(requestClass, route.Template, method, RequestGen.SafePath(path), headers, body, contentType, chunked);
    }

    private static FuzzRequest WithToken(MistSandbox sandbox, FuzzRequest request) =>
        request.Headers.Any(static h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            ? request
            : request with { Headers = [.. request.Headers, ("Authorization", "Token " + sandbox.Seed.Tokens[0])] };

    private static byte[] Oversized(int size)
    {
        var body = new byte[size];
        body.AsSpan().Fill((byte)' ');
        "{\"name\":\""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan(size - 2));
        return body;
    }

    [GeneratedRegex(@"\{[^}/]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
