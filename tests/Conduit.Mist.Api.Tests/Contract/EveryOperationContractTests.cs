using System.Reflection;
using System.Text.Json.Nodes;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Resilience;
using Conduit.Mist.Api;
using Conduit.Mist.Paging;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Contract;

/// <summary>
/// Calls every operation of the document through the generated SDK with minimal valid arguments. By
/// default against the embedded sandbox, which validates each request against the document and
/// answers schema-valid bodies that the SDK must deserialise; set <c>CONDUIT_MIST_CONTRACT_URL</c> (and
/// <c>CONDUIT_MIST_CONTRACT_TOKEN</c>, <c>CONDUIT_MIST_CONTRACT_ORG_ID</c>, <c>CONDUIT_MIST_CONTRACT_SITE_ID</c>)
/// to point it at another server, where any 2xx or documented 4xx answer is accepted.
/// </summary>
public sealed class EveryOperationContractTests
{
    /// <summary>
    /// Operations whose minimal call cannot succeed by design, with the documented status they must answer:
    /// two-factor needs a login session (a token gets 401), and login with synthesised credentials is refused (400).
    /// </summary>
    private static readonly Dictionary<string, int> ExpectedFailures = new(StringComparer.Ordinal)
    {
        ["twoFactor"] = 401,
        ["login"] = 400,
    };

    [Fact]
    public async Task EveryOperation_MinimalArguments_PassesTheContract()
    {
        var ct = TestContext.Current.CancellationToken;
        var external = Environment.GetEnvironmentVariable("CONDUIT_MIST_CONTRACT_URL");
        await using var sandbox = string.IsNullOrEmpty(external)
            ? await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 2, DeviceCount = 20, HourlyQuota = 100_000 }, ct)
            : null;
        var baseUrl = sandbox?.BaseUrl ?? external!;
        var token = sandbox?.Seed.Tokens[0] ?? Environment.GetEnvironmentVariable("CONDUIT_MIST_CONTRACT_TOKEN") ?? string.Empty;
        using var http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(baseUrl),
            Authentication = HeaderAuthentication.MistToken(token),
            Retry = new RetryOptions { MaxRetries = 0 },
        });
        var mist = new MistApiClient(http);
        var ids = await KnownIdsAsync(http, sandbox, ct);
        var arguments = new ContractArguments(ids.Known, ids.Contextual);
        var methods = GeneratedOperations.AsyncMethods(mist);

        // Deletes run last, deepest paths first, so the seeded org and site they hang off live longest.
        var operations = SandboxTable.Default.Operations
            .OrderBy(o => o.Method == "DELETE")
            .ThenByDescending(o => o.Method == "DELETE" ? o.Path.Length : 0)
            .ToList();
        var missing = new List<string>();
        var failures = new List<string>();
        var passed = 0;
        var successful = 0;
        foreach (var operation in operations)
        {
            var generated = methods[operation.Id].ToList();
            if (generated.Count == 0)
            {
                missing.Add(operation.ToString());
                continue;
            }

            var ok = true;
            foreach (var method in generated)
            {
                var outcome = await CallAsync(method, arguments.Create(method, operation, ct), ct);
                var accepted = outcome.Exception is null
                    ? !ExpectedFailures.ContainsKey(operation.Id)
                    : outcome.Status is { } status && operation.Documents(status)
                        && (sandbox is null ? status < 500 : ExpectedFailures.TryGetValue(operation.Id, out var expected) && expected == status);
                successful += outcome.Exception is null && method == generated[0] ? 1 : 0;
                if (!accepted)
                {
                    ok = false;
                    failures.Add($"{operation} via {method}: {Describe(outcome.Exception)}");
                }
            }

            passed += ok ? 1 : 0;
        }

        var report = $"Operations generated: {operations.Count - missing.Count}; in the document: {operations.Count}; passing the contract test: {passed} " +
            $"({successful} answered 2xx and were read into their typed results; the expected failures {string.Join(", ", ExpectedFailures.Select(e => $"{e.Key} -> {e.Value}"))} answered as documented).";
        TestContext.Current.SendDiagnosticMessage(report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(missing.Count == 0, report + "\nNo generated method: " + string.Join("\n", missing.Take(30)));
        Assert.True(failures.Count == 0, report + "\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(operations.Count, passed);
    }

    /// <summary>
    /// The ids the path values need: the seeded org, site and MSP, and a device and WLANs read from the
    /// server (site paths take site-level WLANs, org paths org-level ones).
    /// </summary>
    private static async Task<(IReadOnlyDictionary<string, string> Known, Func<TableOperation, string, string?> Contextual)> KnownIdsAsync(
        ConduitClient http, MistSandbox? sandbox, CancellationToken ct)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                known[name] = value;
            }
        }

        Add("org_id", sandbox?.Seed.OrgId ?? Environment.GetEnvironmentVariable("CONDUIT_MIST_CONTRACT_ORG_ID"));
        Add("site_id", sandbox?.Seed.SiteIds[0] ?? Environment.GetEnvironmentVariable("CONDUIT_MIST_CONTRACT_SITE_ID"));
        Add("msp_id", sandbox?.Seed.MspId ?? Environment.GetEnvironmentVariable("CONDUIT_MIST_CONTRACT_MSP_ID"));
        string? device = null, orgWlan = null, siteWlan = null;
        if (known.TryGetValue("site_id", out var site))
        {
            device = await FirstIdAsync(http, $"api/v1/sites/{site}/devices?type=all", ct);
            siteWlan = await FirstIdAsync(http, $"api/v1/sites/{site}/wlans", ct);
        }

        if (known.TryGetValue("org_id", out var org))
        {
            orgWlan = await FirstIdAsync(http, $"api/v1/orgs/{org}/wlans", ct);
        }

        return (known, (operation, name) => name switch
        {
            "device_id" when operation.Path.StartsWith("/api/v1/sites/", StringComparison.Ordinal) => device,
            "wlan_id" => operation.Path.StartsWith("/api/v1/sites/", StringComparison.Ordinal) ? siteWlan : orgWlan,
            _ => null,
        });
    }

    private static async Task<string?> FirstIdAsync(ConduitClient http, string path, CancellationToken ct)
    {
        try
        {
            var response = await http.GetAsync(path, ct);
            return JsonNode.Parse(response.Text) is JsonArray { Count: > 0 } items ? (string?)items[0]?["id"] : null;
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static async Task<(Exception? Exception, int? Status)> CallAsync(GeneratedMethod method, object?[] arguments, CancellationToken ct)
    {
        try
        {
            var result = method.Method.Invoke(method.Group, arguments);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(MistAsyncPageable<>):
                    var first = typeof(EveryOperationContractTests).GetMethod(nameof(FirstPageAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(result.GetType().GetGenericArguments()[0]);
                    await (Task)first.Invoke(null, [result, ct])!;
                    break;
            }

            return (null, null);
        }
        catch (Exception ex) when (Unwrap(ex) is var inner)
        {
            return (inner, inner is ApiException api ? api.StatusCode : null);
        }
    }

    private static async Task FirstPageAsync<T>(MistAsyncPageable<T> pageable, CancellationToken ct)
    {
        await using var pages = pageable.AsPages(ct).GetAsyncEnumerator(ct);
        await pages.MoveNextAsync();
    }

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;

    private static string Describe(Exception? ex) => ex switch
    {
        null => "succeeded but a documented failure was expected",
        ApiException api => $"{api.StatusCode} {Truncate(api.Message)} {Truncate(api.ResponseBody ?? string.Empty)}",
        _ => $"{ex.GetType().Name}: {Truncate(ex.Message)}",
    };

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
