namespace Conduit.Mist.Codegen.Model;

/// <summary>
/// What the <see cref="ApiModelBuilder"/> adds beyond the core model. The sandbox table needs none of
/// it (and stays byte-identical without it); the SDK writer asks for documentation and the schemas of
/// non-JSON request bodies.
/// </summary>
/// <param name="IncludeDocumentation">Keep schema descriptions, titles and deprecation flags in the schema table.</param>
/// <param name="IncludeFormSchemas">Intern the schemas of <c>multipart/form-data</c> request bodies.</param>
internal sealed record ApiModelOptions(bool IncludeDocumentation, bool IncludeFormSchemas)
{
    /// <summary>The core model only (what the sandbox table is written from).</summary>
    public static ApiModelOptions Core { get; } = new(false, false);

    /// <summary>Everything the SDK writer needs.</summary>
    public static ApiModelOptions Sdk { get; } = new(true, true);
}
