using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.Table;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Conduit.Sandbox.Validation;

/// <summary>
/// Checks path and query parameters against the operation: types (UUID, integer, number, boolean,
/// arrays), enums and bounds; required parameters; and no query parameter the document does not
/// list (except <c>search_after</c> where the answer carries a <c>next</c> link).
/// </summary>
internal static class RequestValidator
{
    public const string SearchAfter = "search_after";

    /// <summary>Whether every path value fits its parameter (used to choose between routes that both fit the path).</summary>
    public static bool PathFits(TableOperation operation, List<string> values)
    {
        var names = operation.PathParameterOrder;
        for (var i = 0; i < names.Length && i < values.Count; i++)
        {
            if (operation.PathParameters.TryGetValue(names[i], out var parameter) && Check(parameter, new StringValues(values[i])) is not null)
            {
                return false;
            }
        }

        return true;
    }

    public static SandboxResponse? Validate(TableOperation operation, RouteMatch route, IQueryCollection query)
    {
        var names = operation.PathParameterOrder;
        for (var i = 0; i < names.Length && i < route.Values.Length; i++)
        {
            if (operation.PathParameters.TryGetValue(names[i], out var parameter)
                && Check(parameter, new StringValues(route.Values[i])) is { } reason)
            {
                return ValidationFailure.Parameter("path", parameter.Name, reason);
            }
        }

        foreach (var (name, values) in query)
        {
            if (operation.QueryParameters.TryGetValue(name, out var parameter))
            {
                if (Check(parameter, values) is { } reason)
                {
                    return ValidationFailure.Parameter("query", name, reason);
                }
            }
            else if (!(name == SearchAfter && operation.HasNextLink))
            {
                return ValidationFailure.Parameter("query", name, "this operation has no such query parameter");
            }
        }

        foreach (var parameter in operation.QueryParameters.Values)
        {
            if (parameter.Required && !query.ContainsKey(parameter.Name))
            {
                return ValidationFailure.Parameter("query", parameter.Name, "it is required");
            }
        }

        return null;
    }

    private static string? Check(TableParameter parameter, StringValues values)
    {
        if (parameter.Schema is not { } schema)
        {
            return null;
        }

        JsonNode? node;
        if (schema.Admits(JsonKinds.Array) && schema.Types != JsonKinds.Any)
        {
            var items = new JsonArray();
            var parts = parameter.Explode && values.Count > 1 ? values.ToArray() : values.SelectMany(v => (v ?? string.Empty).Split(',')).ToArray();
            foreach (var part in parts)
            {
                var item = Convert(schema.Items, part ?? string.Empty, out var reason);
                if (reason is not null)
                {
                    return reason;
                }

                items.Add(item);
            }

            node = items;
        }
        else
        {
            if (values.Count > 1)
            {
                return "it was given more than once";
            }

            node = Convert(schema, values.Count == 0 ? string.Empty : values[0] ?? string.Empty, out var reason);
            if (reason is not null)
            {
                return reason;
            }
        }

        var error = SchemaValidator.Validate(schema, node, ValidationMode.Update);
        return error is null ? null : error.StartsWith("$: ", StringComparison.Ordinal) ? error[3..] : error;
    }

    private static JsonNode? Convert(SchemaNode? schema, string text, out string? reason)
    {
        reason = null;
        if (schema is null || schema.Admits(JsonKinds.String) || schema.Types == JsonKinds.Any)
        {
            return JsonValue.Create(text);
        }

        if (schema.Admits(JsonKinds.Integer) && (schema.Types & JsonKinds.Number) == 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            reason = $"'{text}' is not an integer";
            return null;
        }

        if (schema.Admits(JsonKinds.Number))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }

            reason = $"'{text}' is not a number";
            return null;
        }

        if (schema.Admits(JsonKinds.Boolean))
        {
            if (bool.TryParse(text, out var flag))
            {
                return JsonValue.Create(flag);
            }

            reason = $"'{text}' is not a boolean (true or false)";
            return null;
        }

        return JsonValue.Create(text);
    }
}
