using Conduit.Mist.Codegen.Model;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>Where a generated method's parameter goes on the wire.</summary>
internal enum ParameterTarget
{
    /// <summary>A path segment.</summary>
    Path,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>The JSON body.</summary>
    JsonBody,

    /// <summary>A text field of a multipart form.</summary>
    FormField,

    /// <summary>A file of a multipart form.</summary>
    FormFile,

    /// <summary>A caller-built body (a media type the generator does not model).</summary>
    RawBody,
}

/// <summary>How a generated method returns its result.</summary>
internal enum ResultShape
{
    /// <summary>The raw <c>ApiResponse</c> (no body, or not JSON).</summary>
    Raw,

    /// <summary><c>ApiResponse&lt;T&gt;</c>.</summary>
    Typed,

    /// <summary>A pageable paged by the <c>X-Page-*</c> headers and the <c>page</c> query parameter.</summary>
    PagedByHeaders,

    /// <summary>A pageable paged by the <c>next</c> link in a <c>results</c> envelope.</summary>
    PagedByNextLink,
}

/// <summary>One parameter of a generated method.</summary>
/// <param name="Target">Where the value goes.</param>
/// <param name="WireName">The name on the wire (empty for a body).</param>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The C# type (null for a multipart file or a raw body).</param>
/// <param name="Required">Whether the caller must give it.</param>
/// <param name="Description">The description, unescaped.</param>
/// <param name="Explode">For array query parameters: repeated keys (true) or comma-separated (false).</param>
internal sealed record ParameterPlan(ParameterTarget Target, string WireName, string Name, CsType? Type, bool Required, string? Description, bool Explode)
{
    /// <summary>The declared C# type: nullable when optional.</summary>
    public string Declared => Target switch
    {
        ParameterTarget.FormFile => Required ? "MistFile" : "MistFile?",
        ParameterTarget.RawBody => Required ? "RequestBody" : "RequestBody?",
        _ => Required ? Type!.Name : Type!.Nullable,
    };
}

/// <summary>One generated method pair (async and sync) for one operation and one body media type.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="MethodName">The method name without <c>Async</c>.</param>
/// <param name="Parameters">The parameters in signature order (required first).</param>
/// <param name="Shape">How the result is returned.</param>
/// <param name="ResultType">The deserialised type (<see cref="ResultShape.Typed"/>) or the item list type (paged).</param>
internal sealed record OperationPlan(ApiOperation Operation, string MethodName, IReadOnlyList<ParameterPlan> Parameters, ResultShape Shape, CsType? ResultType)
{
    /// <summary>The item type of a pageable.</summary>
    public CsType? ItemType => Shape is ResultShape.PagedByHeaders or ResultShape.PagedByNextLink ? ResultType!.Element : null;
}

/// <summary>A client group: one class, its operations and its sub-groups.</summary>
/// <param name="ClassName">The class name, e.g. <c>OrgsSitesApi</c>.</param>
/// <param name="PropertyName">The property that exposes it on its parent, e.g. <c>Sites</c>.</param>
/// <param name="Tags">The document tags whose operations it holds.</param>
internal sealed class GroupPlan(string ClassName, string PropertyName, IReadOnlyList<string> Tags)
{
    /// <summary>The class name.</summary>
    public string ClassName { get; } = ClassName;

    /// <summary>The property name on the parent.</summary>
    public string PropertyName { get; } = PropertyName;

    /// <summary>The tags it holds.</summary>
    public List<string> Tags { get; } = [.. Tags];

    /// <summary>The methods, in document order.</summary>
    public List<OperationPlan> Operations { get; } = [];

    /// <summary>The sub-groups, by property name.</summary>
    public SortedDictionary<string, GroupPlan> Children { get; } = new(StringComparer.Ordinal);
}
