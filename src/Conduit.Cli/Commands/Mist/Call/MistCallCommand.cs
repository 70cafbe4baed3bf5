using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Cli.Commands.Auth;
using Conduit.Http;
using Conduit.Mist.Paging;
using Spectre.Console;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// <c>conduit mist call &lt;operation&gt; [--param name=value …] [--body JSON|@file]</c>: any generated operation by its
/// operation id or C# name; <c>--list [filter]</c> lists them, <c>--help</c>/<c>--describe</c> with an operation lists
/// its parameters. Prints the response JSON: indented for people, compact with <c>--json</c>.
/// </summary>
internal static class MistCallCommand
{
    public static Command Create(MistCommandRunner runner, MistCliEnvironment environment, MistCommandOptions shared)
    {
        var operation = new Argument<string?>("operation") { Description = "An operation id (listOrgSites) or C# name (Orgs.Sites.List); with --list, a filter.", Arity = ArgumentArity.ZeroOrOne };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A path, query, header or form value as name=value (repeatable). Names as in the document (org_id) or in C# (orgId); lists as a,b or repeated; files as name=@path." };
        var body = new Option<string?>("--body") { Description = "The request body: JSON text, or @file to read it from a file." };
        var list = new Option<bool>("--list") { Description = "Lists the operations (those matching the argument, if given)." };
        var describe = new Option<bool>("--describe") { Description = "Lists the operation's parameters (name, in path/query/…, required, type) instead of calling it; --help does the same." };
        var all = new Option<bool>("--all") { Description = "For a paged list operation: fetches every page and prints all the items as one array." };
        var help = new System.CommandLine.Help.HelpOption { Action = new MistOperationHelpAction(operation, environment, shared.Json) };
        var command = new Command("call", "Calls any operation of the Mist API by name and prints the response JSON.")
        {
            operation, parameters, body, list, describe, all, help,
        };
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            var name = context.Result.GetValue(operation);
            if (context.Result.GetValue(list))
            {
                return List(context.Io, name);
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CommandInputException("Name the operation to call (an operation id such as listOrgSites), or use --list to see them.");
            }

            if (context.Result.GetValue(describe))
            {
                return Describe(context.Io, name);
            }

            return await CallAsync(context, name, context.Result.GetValue(parameters) ?? [], context.Result.GetValue(body), context.Result.GetValue(all), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints the operation's parameters; 2 when no operation has that name.</summary>
    public static int Describe(CommandIo io, string name)
    {
        var matches = MistOperationCatalog.Default.Find(name);
        if (matches.Count == 0)
        {
            io.Error(Unknown(name));
            return CliExitCodes.UsageError;
        }

        var operation = matches[0];
        var parameters = MistOperationRequests.Parameters(operation);
        var others = MistOperationCatalog.Default.Find(operation.OperationId).Where(o => o != operation).Select(o => o.QualifiedName).ToList();
        if (io.IsJson)
        {
            io.WriteJson(new JsonObject
            {
                ["operation_id"] = operation.OperationId,
                ["method"] = operation.HttpMethod,
                ["path"] = operation.Path,
                ["csharp"] = operation.QualifiedName,
                ["paged"] = operation.IsPaged,
                ["deprecated"] = operation.IsDeprecated,
                ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["csharp_name"] = p.ClrName,
                    ["in"] = p.LocationName,
                    ["required"] = p.Required,
                    ["type"] = p.TypeName,
                    ["values"] = p.AllowedValues.Count == 0 ? null : new JsonArray([.. p.AllowedValues.Select(v => (JsonNode)JsonValue.Create(v))]),
                })]),
                ["other_forms"] = new JsonArray([.. others.Select(o => (JsonNode)JsonValue.Create(o))]),
            });
            return CliExitCodes.Ok;
        }

        var console = io.Console;
        console.MarkupLineInterpolated($"[bold]{operation.OperationId}[/]  {operation.HttpMethod} {operation.Path}");
        console.MarkupLineInterpolated($"C#: mist.{operation.QualifiedName}Async(…){(operation.IsPaged ? "  (paged: --all fetches every page)" : string.Empty)}{(operation.IsDeprecated ? "  (deprecated)" : string.Empty)}");
        if (parameters.Count == 0)
        {
            console.WriteLine("No parameters.");
        }
        else
        {
            var table = new Table().AddColumns("Name", "In", "Required", "Type", "Values");
            foreach (var p in parameters)
            {
                var values = string.Join(", ", p.AllowedValues);
                table.AddRow(Markup.Escape(p.Location == MistParameterLocation.Body ? "(--body)" : p.Name), p.LocationName, p.Required ? "yes" : "no", Markup.Escape(p.TypeName),
                    Markup.Escape(values.Length > 80 ? values[..77] + "…" : values));
            }

            console.Write(table);
        }

        foreach (var other in others)
        {
            console.MarkupLineInterpolated($"Also as {other} (conduit mist call {other}).");
        }

        var example = new StringBuilder("conduit mist call ").Append(matches[0] == MistOperationCatalog.Default.Find(operation.OperationId)[0] ? operation.OperationId : operation.QualifiedName);
        foreach (var p in parameters.Where(p => p.Required && p.Location != MistParameterLocation.Body))
        {
            example.Append(" --param ").Append(p.Name).Append(p.Location == MistParameterLocation.File ? "=@<" : "=<").Append(p.Name).Append('>');
        }

        if (parameters.Any(p => p.Location == MistParameterLocation.Body))
        {
            example.Append(" --body @body.json");
        }

        console.MarkupLineInterpolated($"Example: {example}");
        return CliExitCodes.Ok;
    }

    private static int List(CommandIo io, string? filter)
    {
        var operations = MistOperationCatalog.Default.Filter(filter);
        if (io.IsJson)
        {
            io.WriteJson(new JsonObject
            {
                ["count"] = operations.Count,
                ["operations"] = new JsonArray([.. operations.Select(o => (JsonNode)new JsonObject
                {
                    ["operation_id"] = o.OperationId, ["method"] = o.HttpMethod, ["path"] = o.Path, ["csharp"] = o.QualifiedName, ["paged"] = o.IsPaged, ["deprecated"] = o.IsDeprecated,
                })]),
            });
            return CliExitCodes.Ok;
        }

        var table = new Table().AddColumns("Operation", "Method", "Path", "C#");
        foreach (var o in operations)
        {
            table.AddRow(Markup.Escape(o.OperationId), o.HttpMethod, Markup.Escape(o.Path), Markup.Escape(o.QualifiedName));
        }

        io.Console.Write(table);
        io.Console.MarkupLineInterpolated($"{operations.Count} operations{(string.IsNullOrWhiteSpace(filter) ? string.Empty : $" matching '{filter}'")}. 'conduit mist call <operation> --help' lists one's parameters.");
        return CliExitCodes.Ok;
    }

    private static async Task<int> CallAsync(MistCommandContext context, string name, string[] pairs, string? bodyText, bool all, CancellationToken cancellationToken)
    {
        var matches = MistOperationCatalog.Default.Find(name);
        if (matches.Count == 0)
        {
            throw new CommandInputException(Unknown(name));
        }

        var operation = matches[0];
        var request = BuildRequest(operation, pairs, bodyText);
        if (all && !operation.IsPaged)
        {
            throw new CommandInputException($"{operation.OperationId} is not a paged list; --all applies to paged operations only.");
        }

        await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
        if (all)
        {
            var items = await session.Client.PageAsync(request, cancellationToken).GetAllAsync(cancellationToken).ConfigureAwait(false);
            var array = new JsonArray([.. items.Select(JsonFields.Node)]);
            context.Io.WriteRaw(JsonFields.Format(array, indented: !context.Io.IsJson));
            return CliExitCodes.Ok;
        }

        var response = await session.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Print(context.Io, response);
        return CliExitCodes.Ok;
    }

    /// <summary>The request for the user's values, checked against the operation's parameters.</summary>
    private static ApiRequest BuildRequest(MistOperation operation, string[] pairs, string? bodyText)
    {
        var parameters = MistOperationRequests.Parameters(operation);
        var given = new Dictionary<MistOperationParameter, List<string>>();
        foreach (var pair in pairs)
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new CommandInputException($"--param takes name=value, not '{pair}'.");
            }

            var key = pair[..separator].Trim();
            var parameter = parameters.FirstOrDefault(p => p.Location != MistParameterLocation.Body && p.IsNamed(key))
                ?? throw new CommandInputException($"{operation.OperationId} has no parameter '{key}'; it takes: {Names(parameters)}.");
            (given.TryGetValue(parameter, out var texts) ? texts : given[parameter] = []).Add(pair[(separator + 1)..]);
        }

        var missing = parameters.Where(p => p.Required && p.Location != MistParameterLocation.Body && !given.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new CommandInputException($"{operation.OperationId} needs {string.Join(", ", missing.Select(p => $"{p.Name} ({p.LocationName})"))}: give {(missing.Count == 1 ? "it" : "them")} with --param name=value.");
        }

        var bodyParameter = parameters.FirstOrDefault(p => p.Location == MistParameterLocation.Body);
        if (bodyText is not null && bodyParameter is null)
        {
            throw new CommandInputException($"{operation.OperationId} takes no request body.");
        }

        if (bodyText is null && bodyParameter is { Required: true })
        {
            throw new CommandInputException($"{operation.OperationId} needs a request body: --body JSON or --body @file.");
        }

        var values = given.ToDictionary(g => g.Key, g => MistParameterValues.Parse(g.Key, g.Value));
        var request = MistOperationRequests.Build(operation, values);
        if (bodyText is not null)
        {
            request.Body = MistParameterValues.ParseBody(bodyText, raw: (Nullable.GetUnderlyingType(bodyParameter!.ClrType) ?? bodyParameter.ClrType) == typeof(RequestBody));
        }

        return request;
    }

    private static void Print(CommandIo io, ApiResponse response)
    {
        if (response.Content.IsEmpty)
        {
            if (io.IsJson)
            {
                io.WriteRaw("null");
            }
            else
            {
                io.Note($"{(int)response.StatusCode} {response.StatusCode}: no content.");
            }

            return;
        }

        try
        {
            using var document = response.ReadJsonDocument();
            io.WriteRaw(JsonFields.Format(document.RootElement, indented: !io.IsJson));
        }
        catch (JsonException)
        {
            io.WriteRaw(io.IsJson ? JsonValue.Create(response.Text).ToJsonString() : response.Text);
        }
    }

    private static string Names(IReadOnlyList<MistOperationParameter> parameters) =>
        parameters.Count(p => p.Location != MistParameterLocation.Body) == 0
            ? "no parameters"
            : string.Join(", ", parameters.Where(p => p.Location != MistParameterLocation.Body).Select(p => p.Name));

    private static string Unknown(string name)
    {
        var suggestions = MistOperationCatalog.Default.Suggest(name);
        return $"No Mist operation is named '{name}'.{(suggestions.Count > 0 ? $" Did you mean: {string.Join(", ", suggestions)}?" : string.Empty)} 'conduit mist call --list [filter]' lists them.";
    }
}
