using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Cli.Commands.Auth;
using Conduit.Http;
using Conduit.Integrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spectre.Console;

namespace Conduit.Cli.Commands.Integrations;

/// <summary><c>conduit integrations list|status|call</c>: the integration manager over a JSON configuration file.</summary>
internal static class IntegrationsCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var config = new Option<string>("--config") { Description = "The integrations JSON file ({\"integrations\": [...]}, see docs/integrations.md).", Required = true, Recursive = true };
        var json = new Option<bool>("--json") { Description = "Prints machine-readable JSON.", Recursive = true };

        var list = new Command("list", "Lists the configured integrations.");
        list.SetAction((r, ct) => RunAsync(r, config, json, console, (manager, io, _) =>
        {
            var items = manager.ListIntegrations();
            var table = new Table().AddColumns("Name", "Base URL", "Auth", "Rate limit", "Retries", "Timeout");
            var array = new JsonArray();
            foreach (var i in items)
            {
                var rate = i.RateLimit is { } r ? $"{r.RequestsPerWindow}/{r.Window.TotalSeconds:0.###} s, burst {(r.Burst > 0 ? r.Burst : r.RequestsPerWindow)}" : "none";
                table.AddRow(Markup.Escape(i.Name), Markup.Escape(i.BaseUrl!.ToString()), i.Authentication.Type.ToString(), rate, i.Retry.MaxRetries.ToString(CultureInfo.InvariantCulture), $"{i.Timeout.TotalSeconds:0.###} s");
                array.Add((JsonNode)new JsonObject { ["name"] = i.Name, ["base_url"] = i.BaseUrl!.ToString(), ["auth"] = i.Authentication.Type.ToString(), ["rate_limit"] = rate, ["max_retries"] = i.Retry.MaxRetries });
            }

            io.Write(new JsonObject { ["integrations"] = array }, table);
            return Task.FromResult(CliExitCodes.Ok);
        }));

        var status = new Command("status", "Probes every integration's health endpoint and shows health and metrics.");
        status.SetAction((r, ct) => RunAsync(r, config, json, console, async (manager, io, token) =>
        {
            var table = new Table().AddColumns("Name", "Health", "Detail", "Requests", "Success rate", "Avg response");
            var array = new JsonArray();
            var worst = HealthStatus.Healthy;
            foreach (var name in manager.Names)
            {
                var health = await manager.CheckHealthAsync(name, token).ConfigureAwait(false);
                var metrics = manager.GetMetrics(name);
                worst = health.Status < worst ? health.Status : worst;
                var color = health.Status switch { HealthStatus.Healthy => "green", HealthStatus.Degraded => "yellow", _ => "red" };
                table.AddRow(Markup.Escape(name), $"[{color}]{health.Status}[/]", Markup.Escape(health.Description ?? string.Empty),
                    metrics.TotalRequests.ToString(CultureInfo.InvariantCulture), metrics.SuccessRate.ToString("P0", CultureInfo.InvariantCulture), $"{metrics.AverageResponseTime.TotalMilliseconds:F1} ms");
                array.Add((JsonNode)new JsonObject { ["name"] = name, ["health"] = health.Status.ToString(), ["detail"] = health.Description, ["requests"] = metrics.TotalRequests, ["success_rate"] = metrics.SuccessRate });
            }

            io.Write(new JsonObject { ["integrations"] = array, ["overall"] = worst.ToString() }, table);
            return worst == HealthStatus.Unhealthy ? CliExitCodes.ApiError : CliExitCodes.Ok;
        }));

        var name = new Argument<string>("name") { Description = "The integration's name." };
        var method = new Argument<string>("method") { Description = "GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS." };
        var path = new Argument<string>("path") { Description = "The path relative to the integration's base URL." };
        var query = new Option<string[]>("--query") { Description = "A query parameter as name=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var header = new Option<string[]>("--header") { Description = "A header as name=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var body = new Option<string?>("--body") { Description = "A JSON body (text, or @file to read it from a file)." };
        var call = new Command("call", "Calls one integration and prints the response.") { name, method, path, query, header, body };
        call.SetAction((r, ct) => RunAsync(r, config, json, console, async (manager, io, token) =>
        {
            var request = new ApiRequest(new HttpMethod(r.GetValue(method)!.ToUpperInvariant()), r.GetValue(path)!) { ThrowOnErrorStatus = false };
            foreach (var (k, v) in Pairs(r.GetValue(query), "--query"))
            {
                request.WithQuery(k, v);
            }

            foreach (var (k, v) in Pairs(r.GetValue(header), "--header"))
            {
                request.WithHeader(k, v);
            }

            if (r.GetValue(body) is { } text)
            {
                request.Body = JsonBody.FromText(text.StartsWith('@') ? await File.ReadAllTextAsync(text[1..], token).ConfigureAwait(false) : text);
            }

            var response = await manager.SendAsync(r.GetValue(name)!, request, token).ConfigureAwait(false);
            io.Write(
                new JsonObject { ["status"] = (int)response.StatusCode, ["elapsed_ms"] = response.Elapsed.TotalMilliseconds, ["attempts"] = response.Attempts, ["body"] = response.Text },
                $"{(int)response.StatusCode} {response.StatusCode} in {response.Elapsed.TotalMilliseconds:F0} ms ({response.Attempts} attempt(s))\n{response.Text}");
            return response.IsSuccess ? CliExitCodes.Ok : (int)response.StatusCode is 401 or 403 ? CliExitCodes.AuthError : CliExitCodes.ApiError;
        }));

        return new Command("integrations", "Uses named API integrations from a JSON configuration file.") { config, json, list, status, call };
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string[]? values, string option) =>
        (values ?? []).Select(v => v.IndexOf('=', StringComparison.Ordinal) is var i and > 0
            ? (v[..i], v[(i + 1)..])
            : throw new CommandInputException($"{option} takes name=value, not '{v}'."));

    private static async Task<int> RunAsync(ParseResult result, Option<string> config, Option<bool> json, IAnsiConsole? console,
        Func<IntegrationManager, CommandIo, CancellationToken, Task<int>> action)
    {
        var io = new CommandIo(console ?? AnsiConsole.Console, TextReader.Null, result.GetValue(json), passwordFromStdin: false);
        using var manager = new IntegrationManager();
        try
        {
            manager.LoadFile(result.GetValue(config)!);
            return await action(manager, io, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IntegrationConfigurationException ex)
        {
            io.Error(ex.Message);
            return CliExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or CommandInputException or ArgumentException)
        {
            io.Error(ex.Message);
            return CliExitCodes.UsageError;
        }
        catch (ApiException ex)
        {
            io.Error(ex.Message);
            return CliExitCodes.For(ex);
        }
        catch (KeyNotFoundException ex)
        {
            io.Error(ex.Message);
            return CliExitCodes.UsageError;
        }
    }
}
