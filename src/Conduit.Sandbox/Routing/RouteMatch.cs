using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Routing;

/// <summary>The outcome of matching a request path and method against the route trie.</summary>
internal readonly struct RouteMatch
{
    private RouteMatch(RouteMatchKind kind, TableOperation? operation, string[]? values, string? allow)
    {
        Kind = kind;
        Operation = operation;
        Values = values ?? [];
        Allow = allow;
    }

    public RouteMatchKind Kind { get; }

    public TableOperation? Operation { get; }

    /// <summary>The path parameter values in template order (see <see cref="TableOperation.PathParameterOrder"/>).</summary>
    public string[] Values { get; }

    /// <summary>The methods the path supports (for 405's <c>Allow</c> header).</summary>
    public string? Allow { get; }

    public static RouteMatch NotFound { get; } = new(RouteMatchKind.NotFound, null, null, null);

    public static RouteMatch Found(TableOperation operation, string[] values) => new(RouteMatchKind.Found, operation, values, null);

    public static RouteMatch MethodNotAllowed(string allow) => new(RouteMatchKind.MethodNotAllowed, null, null, allow);

    /// <summary>The value of the path parameter <paramref name="name"/>, or null.</summary>
    public string? Value(string name)
    {
        var order = Operation?.PathParameterOrder ?? [];
        var index = Array.IndexOf(order, name);
        return index >= 0 && index < Values.Length ? Values[index] : null;
    }
}

/// <summary>How a route match ended.</summary>
internal enum RouteMatchKind
{
    NotFound,
    MethodNotAllowed,
    Found,
}
