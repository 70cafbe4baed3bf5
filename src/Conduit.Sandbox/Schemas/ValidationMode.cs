namespace Conduit.Sandbox.Schemas;

/// <summary>How strictly a JSON value is checked against a schema.</summary>
internal enum ValidationMode
{
    /// <summary>Responses: every keyword, <c>oneOf</c> matches exactly one branch.</summary>
    Response,

    /// <summary>
    /// Bodies that create: <c>required</c> holds except for read-only properties (the server fills
    /// them); <c>oneOf</c> is read as <c>anyOf</c> because partial bodies often fit several branches.
    /// </summary>
    Create,

    /// <summary>Bodies that update (PUT/PATCH and non-creating POSTs): as <see cref="Create"/>, and <c>required</c> is not enforced.</summary>
    Update,
}
