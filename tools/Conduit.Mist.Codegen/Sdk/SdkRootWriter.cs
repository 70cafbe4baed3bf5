namespace Conduit.Mist.Codegen.Sdk;

/// <summary>Writes the generated half of <c>MistApiClient</c>: one property per top-level group.</summary>
internal static class SdkRootWriter
{
    /// <summary>Renders the root's group properties.</summary>
    public static string Render(IEnumerable<GroupPlan> topGroups)
    {
        var code = SdkFileHeader.Start();
        code.Line($"namespace {SdkGroupWriter.Namespace};").Line();
        code.Line("public partial class MistApiClient").Open();
        var groups = topGroups.ToList();
        foreach (var group in groups)
        {
            code.Line($"private {group.ClassName}? {Field(group)};");
        }

        foreach (var group in groups)
        {
            code.Line();
            var tags = string.Join(", ", group.Tags.Concat(group.Children.Values.SelectMany(c => c.Tags)).Distinct().Order(StringComparer.Ordinal).Take(8)
                .Select(t => $"<c>{XmlDocText.Escape(t)}</c>"));
            var more = group.Children.Count + group.Tags.Count > 8 ? " and more" : string.Empty;
            code.Doc("summary", $"The <c>{group.PropertyName}</c> operations ({tags}{more}).");
            code.Line($"public virtual {group.ClassName} {group.PropertyName} => {Field(group)} ??= new {group.ClassName}(Client);");
        }

        code.Close();
        return code.ToString();
    }

    private static string Field(GroupPlan group) => SdkNames.Camel(group.PropertyName).TrimStart('@') + "Group";
}
