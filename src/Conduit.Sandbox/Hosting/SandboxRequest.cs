using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Table;
using Microsoft.AspNetCore.Http;

namespace Conduit.Sandbox.Hosting;

/// <summary>A request that passed routing, authentication and validation, as handlers see it.</summary>
internal sealed class SandboxRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public required HttpContext Http { get; init; }

    public required TableOperation Operation { get; init; }

    public required RouteMatch Route { get; init; }

    public SandboxPrincipal? Principal { get; init; }

    public JsonNode? Body { get; init; }

    /// <summary>A path parameter's value, or an empty string.</summary>
    public string PathValue(string name) => Route.Value(name) ?? string.Empty;

    /// <summary>A query parameter's first value, or null.</summary>
    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count > 0 ? values[0] : null;
    }

    public long? QueryLong(string name)
        => long.TryParse(Query(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The page size: <c>limit</c> (default 100, at most 1000).</summary>
    public int Limit => (int)Math.Clamp(QueryLong("limit") ?? DefaultLimit, 1, MaxLimit);

    /// <summary>The page number from 1.</summary>
    public int Page => (int)Math.Clamp(QueryLong("page") ?? 1, 1, int.MaxValue);
}
