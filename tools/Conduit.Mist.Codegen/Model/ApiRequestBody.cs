namespace Conduit.Mist.Codegen.Model;

/// <summary>The request body of an operation.</summary>
/// <param name="Required">Whether a body must be sent.</param>
/// <param name="ContentTypes">The accepted media types in document order.</param>
/// <param name="Schema">The JSON body's schema index, or -1 when no JSON media type is accepted.</param>
internal sealed record ApiRequestBody(bool Required, IReadOnlyList<string> ContentTypes, int Schema)
{
    /// <summary>
    /// The <c>multipart/form-data</c> body's schema index, or -1 when that media type is not accepted or
    /// the model was built without <see cref="ApiModelOptions.IncludeFormSchemas"/>.
    /// </summary>
    public int FormSchema { get; init; } = -1;

    /// <summary>The body's description, when the document gives one.</summary>
    public string? Description { get; init; }
}
