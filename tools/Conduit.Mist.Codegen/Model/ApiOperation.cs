namespace Conduit.Mist.Codegen.Model;

/// <summary>One operation of the document.</summary>
/// <param name="OperationId">The document's operation id (unique).</param>
/// <param name="Method">The upper-case HTTP method.</param>
/// <param name="Path">The path template, e.g. <c>/api/v1/orgs/{org_id}</c>.</param>
/// <param name="Tag">The first tag, used to group operations.</param>
/// <param name="Parameters">Path and query parameters, path-level ones merged in.</param>
/// <param name="RequestBody">The request body, when the operation takes one.</param>
/// <param name="Responses">The documented responses in document order.</param>
/// <param name="Anonymous">Whether the operation declares an empty security requirement.</param>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string Path,
    string? Tag,
    IReadOnlyList<ApiParameter> Parameters,
    ApiRequestBody? RequestBody,
    IReadOnlyList<ApiResponse> Responses,
    bool Anonymous)
{
    /// <summary>The operation's summary, when the document gives one.</summary>
    public string? Summary { get; init; }

    /// <summary>The operation's description, when the document gives one.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the document marks the operation deprecated.</summary>
    public bool Deprecated { get; init; }
}
