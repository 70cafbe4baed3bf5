using System.Text;
using Conduit.Mist.Codegen.Model;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>What the SDK writer produced.</summary>
/// <param name="Operations">Operations of the document that got a method pair.</param>
/// <param name="Methods">Method pairs written (an operation accepting JSON and multipart gets two).</param>
/// <param name="Groups">Client group classes.</param>
/// <param name="Models">Model classes.</param>
/// <param name="Enums">Enums.</param>
/// <param name="Files">Files written.</param>
/// <param name="Lines">Lines written.</param>
internal sealed record SdkWriteResult(int Operations, int Methods, int Groups, int Models, int Enums, int Files, int Lines);

/// <summary>
/// Writes the Mist SDK sources: <c>Api/</c> (the root's group properties and one file per client group)
/// and <c>Models/</c> (one file per model or enum, and the JSON context). The output folder's
/// <c>.cs</c> files are replaced, so a group or model the document dropped disappears.
/// </summary>
internal static class SdkWriter
{
    /// <summary>Builds the SDK model of a document (documentation and form schemas included).</summary>
    public static ApiModel BuildModel(Microsoft.OpenApi.OpenApiDocument document) => ApiModelBuilder.Build(document, ApiModelOptions.Sdk);

    /// <summary>Renders every file, keyed by its path relative to the output folder (forward slashes).</summary>
    public static SortedDictionary<string, string> Render(ApiModel model, out SdkWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (groups, types) = SdkPlanner.Plan(model);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Api/MistApiClient.Groups.cs"] = SdkRootWriter.Render(groups.Values),
        };
        var registered = new List<CsType>();
        var methods = 0;
        foreach (var group in groups.All())
        {
            files[$"Api/{group.ClassName}.cs"] = SdkGroupWriter.Render(group);
            foreach (var operation in group.Operations)
            {
                methods++;
                if (operation.ResultType is { } resultType)
                {
                    Register(registered, resultType);
                }

                foreach (var parameter in operation.Parameters)
                {
                    if (parameter.Type is { } type)
                    {
                        Register(registered, type);
                    }
                }
            }
        }

        foreach (var plan in types.Models.Values)
        {
            files[$"Models/{plan.Name}.cs"] = SdkModelWriter.Render(plan);
            foreach (var property in plan.Properties)
            {
                Register(registered, property.Type);
            }
        }

        foreach (var plan in types.Enums.Values)
        {
            files[$"Models/{plan.Name}.cs"] = SdkModelWriter.Render(plan);
            Register(registered, new CsType(plan.Name, CsTypeKind.Enum, true, plan.Name));
        }

        files[$"Models/{SdkContextWriter.ClassName}.cs"] = SdkContextWriter.Render(registered);
        var operations = groups.All().SelectMany(g => g.Operations).Select(o => o.Operation.OperationId).Distinct(StringComparer.Ordinal).Count();
        var lines = files.Values.Sum(text => text.Count(c => c == '\n'));
        result = new SdkWriteResult(operations, methods, groups.All().Count(), types.Models.Count, types.Enums.Count, files.Count, lines);
        return files;
    }

    /// <summary>
    /// Writes the SDK for <paramref name="model"/> into <paramref name="folder"/>: files whose text changed are
    /// rewritten, unchanged ones keep their timestamps (so an incremental build stays incremental), and
    /// <c>.cs</c> files the document no longer produces are deleted.
    /// </summary>
    public static SdkWriteResult Write(ApiModel model, string folder)
    {
        var files = Render(model, out var result);
        Directory.CreateDirectory(folder);
        var wanted = new HashSet<string>(files.Keys.Select(relative => Path.GetFullPath(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)))), StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(path => !wanted.Contains(Path.GetFullPath(path))).ToList())
        {
            File.Delete(stale);
        }

        var encoding = new UTF8Encoding(false);
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path) && File.ReadAllText(path, encoding) == text)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, encoding);
        }

        return result;
    }

    private static void Register(List<CsType> registered, CsType type)
    {
        registered.Add(type);
        if (type.Element is { } element)
        {
            Register(registered, element);
        }
    }
}
