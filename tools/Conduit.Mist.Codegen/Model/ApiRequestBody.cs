namespace Conduit.Mist.Codegen.Model;

/// <summary>The request body of an operation.</summary>
/// <param name="Required">Whether a body must be sent.</param>
/// <param name="ContentTypes">The accepted media types in document order.</param>
/// <param name="Schema">The JSON body's schema index, or -1 when no JSON media type is accepted.</param>
internal sealed record ApiRequestBody(bool Required, IReadOnlyList<string> ContentTypes, int Schema);
