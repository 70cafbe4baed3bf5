using System.Text;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// Writes model classes and enums. Every model property is an <c>Optional&lt;T&gt;</c>, so a value that
/// was never set is not serialised, an explicit <c>null</c> is, and fields the document does not name
/// survive a read-modify-write through <c>AdditionalProperties</c>. Each model has a small generated
/// converter (field name switch) over the source-generated metadata of its field types: one line per
/// field instead of System.Text.Json's per-property metadata, which kept the build of ~1,100 models
/// and ~8,000 fields slow.
/// </summary>
internal static class SdkModelWriter
{
    /// <summary>The namespace of the models.</summary>
    public const string Namespace = "Conduit.Mist.Models";

    /// <summary>Renders a model class and its converter.</summary>
    public static string Render(ModelPlan model)
    {
        var code = SdkFileHeader.Start("System.Text.Json", "System.Text.Json.Serialization", "Conduit.Mist.Api");
        code.Line($"namespace {Namespace};").Line();
        code.Doc("summary", XmlDocText.Escape(model.Description) ?? $"The <c>{XmlDocText.Escape(model.SchemaName)}</c> object.");
        code.Doc("remarks", $"Schema <c>{XmlDocText.Escape(model.SchemaName)}</c> of the Mist OpenAPI document. Properties are optional values: unset ones are not sent.");
        code.Line($"[JsonConverter(typeof({model.Name}JsonConverter))]");
        code.Line($"public sealed partial class {model.Name} : IMistModel").Open();
        foreach (var property in model.Properties)
        {
            var summary = new StringBuilder(XmlDocText.Escape(property.Description) ?? "The field's value.");
            if (summary[^1] is not ('.' or '!' or '?' or ':'))
            {
                summary.Append('.');
            }

            summary.Append($" Wire name <c>{XmlDocText.Escape(property.WireName)}</c>.");
            if (property.Required)
            {
                summary.Append(" Required.");
            }

            if (property.ReadOnly)
            {
                summary.Append(" Set by the service (read-only).");
            }

            if (property.Deprecated)
            {
                summary.Append(" Deprecated.");
            }

            code.Doc("summary", summary.ToString());
            code.Line($"public Optional<{property.Type.Name}> {property.Name} {{ get; set; }}").Line();
        }

        code.Line("/// <inheritdoc />");
        code.Line("public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }");
        code.Close().Line();
        code.Doc("summary", $"Reads and writes <see cref=\"{model.Name}\"/>: set fields only, unknown fields kept.");
        code.Line($"internal sealed class {model.Name}JsonConverter : MistModelJsonConverter<{model.Name}>").Open();
        code.Line("/// <inheritdoc />");
        code.Line($"protected override bool ReadProperty(ref Utf8JsonReader reader, {model.Name} model, string name, JsonSerializerOptions options)").Open();
        if (model.Properties.Count == 0)
        {
            code.Line("return false;");
        }
        else
        {
            code.Line("switch (name)").Open();
            foreach (var property in model.Properties)
            {
                code.Line($"case {XmlDocText.Literal(property.WireName)}: model.{property.Name} = ReadValue<{property.Type.Name}>(ref reader, options); return true;");
            }

            code.Line("default: return false;");
            code.Close();
        }

        code.Close().Line();
        code.Line("/// <inheritdoc />");
        code.Line($"protected override void WriteProperties(Utf8JsonWriter writer, {model.Name} model, JsonSerializerOptions options)").Open();
        foreach (var property in model.Properties)
        {
            code.Line($"WriteValue(writer, {XmlDocText.Literal(property.WireName)}, model.{property.Name}, options);");
        }

        code.Close();
        code.Close();
        return code.ToString();
    }

    /// <summary>Renders an enum with its wire names.</summary>
    public static string Render(EnumPlan plan)
    {
        var code = SdkFileHeader.Start("System.Text.Json.Serialization");
        code.Line($"namespace {Namespace};").Line();
        code.Doc("summary", XmlDocText.Escape(plan.Description) ?? $"The values of <c>{XmlDocText.Escape(plan.SchemaName)}</c>.");
        code.Doc("remarks", $"Schema <c>{XmlDocText.Escape(plan.SchemaName)}</c> of the Mist OpenAPI document; serialised by wire name.");
        code.Line($"[JsonConverter(typeof(JsonStringEnumConverter<{plan.Name}>))]");
        code.Line($"public enum {plan.Name}").Open();
        var first = true;
        foreach (var (name, wire) in plan.Members)
        {
            if (!first)
            {
                code.Line();
            }

            first = false;
            code.Doc("summary", $"<c>{XmlDocText.Escape(wire) ?? "(empty)"}</c>");
            code.Line($"[JsonStringEnumMemberName({XmlDocText.Literal(wire)})]");
            code.Line($"{name},");
        }

        code.Close();
        return code.ToString();
    }
}
