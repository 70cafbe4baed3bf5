namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// Writes the System.Text.Json source-generation context: one <c>JsonTypeInfo</c> per type the
/// generated code sends or reads (trim and AOT safe), each under a fixed, collision-free name.
/// </summary>
internal static class SdkContextWriter
{
    /// <summary>The context's class name.</summary>
    public const string ClassName = "MistJsonContext";

    /// <summary>Renders the context for <paramref name="types"/>.</summary>
    public static string Render(IEnumerable<CsType> types)
    {
        var code = SdkFileHeader.Start("System.Text.Json", "System.Text.Json.Serialization");
        code.Line($"namespace {SdkModelWriter.Namespace};").Line();
        code.Doc("summary", "The source-generated JSON metadata of every Mist model, enum and collection the generated clients use.");
        code.Doc("remarks", "Models are read and written by their generated converters over this metadata; numbers written as strings are accepted when reading.");
        code.Line("[JsonSourceGenerationOptions(");
        code.Indent().Line("NumberHandling = JsonNumberHandling.AllowReadingFromString,");
        code.Line("GenerationMode = JsonSourceGenerationMode.Metadata)]").Outdent();
        foreach (var type in types.DistinctBy(t => t.InfoName).OrderBy(t => t.InfoName, StringComparer.Ordinal))
        {
            code.Line($"[JsonSerializable(typeof({type.Name}), TypeInfoPropertyName = {XmlDocText.Literal(type.InfoName)})]");
        }

        code.Line($"public sealed partial class {ClassName} : JsonSerializerContext;");
        return code.ToString();
    }
}
