using Conduit.Sandbox.Schemas;

namespace Conduit.Sandbox.Table;

/// <summary>One operation of the route-and-schema table, with the lookups the pipeline needs precomputed.</summary>
internal sealed class TableOperation
{
    public TableOperation(string id, string method, string path, string? tag, bool anonymous, TableParameter[] parameters, TableBody? body, TableResponse[] responses)
    {
        Id = id;
        Method = method;
        Path = path;
        Tag = tag;
        Anonymous = anonymous;
        Parameters = parameters;
        Body = body;
        Responses = responses;
        QueryParameters = parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        PathParameters = parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, StringComparer.Ordinal);
        Success = responses.Where(r => r.StatusCode is >= 200 and < 300).OrderBy(r => r.StatusCode).FirstOrDefault();
        IsPaged = QueryParameters.ContainsKey("page");
        HasNextLink = Success?.Schema?.PropertyMap?.ContainsKey("next") == true;
        DocumentedStatuses = [.. responses.Select(r => r.Status)];
    }

    public string Id { get; }

    public string Method { get; }

    public string Path { get; }

    public string? Tag { get; }

    public bool Anonymous { get; }

    public TableParameter[] Parameters { get; }

    public TableBody? Body { get; }

    public TableResponse[] Responses { get; }

    public Dictionary<string, TableParameter> QueryParameters { get; }

    public Dictionary<string, TableParameter> PathParameters { get; }

    /// <summary>The lowest documented 2xx response, or null when none is documented.</summary>
    public TableResponse? Success { get; }

    /// <summary>Whether the operation takes <c>page</c> (so lists carry <c>X-Page-*</c> headers).</summary>
    public bool IsPaged { get; }

    /// <summary>Whether the success body has a <c>next</c> link (so <c>search_after</c> is accepted).</summary>
    public bool HasNextLink { get; }

    /// <summary>The documented status keys.</summary>
    public string[] DocumentedStatuses { get; }

    /// <summary>The path template's parameter names in the order they appear (set by the route trie).</summary>
    public string[] PathParameterOrder { get; set; } = [];

    /// <summary>The schema of the success body, when it has one.</summary>
    public SchemaNode? SuccessSchema => Success?.Schema;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} ({Id})";
}
