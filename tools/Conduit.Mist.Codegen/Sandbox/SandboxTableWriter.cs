using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Mist.Codegen.Model;

namespace Conduit.Mist.Codegen.Sandbox;

/// <summary>
/// Writes the sandbox's compact route-and-schema table (<see cref="FileName"/>): one JSON document
/// with the document's identity, one line per operation, one line per distinct response and one
/// line per schema node, so a diff between two Mist releases reads line by line. Operations point
/// at responses and schemas by index. Descriptions are dropped; examples are kept.
/// </summary>
internal static class SandboxTableWriter
{
    /// <summary>The file name written into the output folder.</summary>
    public const string FileName = "MistSandboxTable.json";

    /// <summary>The table format version the sandbox checks when it loads the file.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the table for <paramref name="model"/> into <paramref name="folder"/> and returns the file path.</summary>
    public static string Write(ApiModel model, string folder)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Render(model), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Renders the table as text.</summary>
    public static string Render(ApiModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        text.Append("{\"format\":").Append(FormatVersion)
            .Append(",\"title\":").Append(Json(JsonValue.Create(model.Title)))
            .Append(",\"version\":").Append(Json(JsonValue.Create(model.Version)))
            .Append(",\"componentCount\":").Append(model.Schemas.ComponentCount)
            .Append(",\n\"operations\":[\n");
        var responses = new List<JsonNode>();
        var responseIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        AppendLines(text, model.Operations.Select(o => OperationNode(o, responses, responseIndex)));
        text.Append("],\n\"responses\":[\n");
        AppendLines(text, responses);
        text.Append("],\n\"schemas\":[\n");
        AppendLines(text, model.Schemas.Nodes);
        text.Append("]}\n");
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, IEnumerable<JsonNode> nodes)
    {
        var first = true;
        foreach (var node in nodes)
        {
            if (!first)
            {
                text.Append(",\n");
            }

            text.Append(Json(node));
            first = false;
        }

        text.Append('\n');
    }

    private static string Json(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    private static JsonObject OperationNode(ApiOperation operation, List<JsonNode> responses, Dictionary<string, int> responseIndex)
    {
        var node = new JsonObject
        {
            ["id"] = operation.OperationId,
            ["method"] = operation.Method,
            ["path"] = operation.Path,
        };
        if (operation.Tag is not null)
        {
            node["tag"] = operation.Tag;
        }

        if (operation.Anonymous)
        {
            node["anonymous"] = true;
        }

        if (operation.Parameters.Count > 0)
        {
            node["params"] = new JsonArray([.. operation.Parameters.Select(ParameterNode)]);
        }

        if (operation.RequestBody is { } body)
        {
            var bodyNode = new JsonObject
            {
                ["required"] = body.Required,
                ["content"] = new JsonArray([.. body.ContentTypes.Select(c => (JsonNode)JsonValue.Create(c))]),
            };
            if (body.Schema >= 0)
            {
                bodyNode["schema"] = body.Schema;
            }

            node["body"] = bodyNode;
        }

        node["responses"] = new JsonArray([.. operation.Responses.Select(r => (JsonNode)JsonValue.Create(Intern(ResponseNode(r), responses, responseIndex)))]);
        return node;
    }

    private static int Intern(JsonNode response, List<JsonNode> responses, Dictionary<string, int> responseIndex)
    {
        var key = Json(response);
        if (!responseIndex.TryGetValue(key, out var index))
        {
            index = responses.Count;
            responses.Add(response);
            responseIndex[key] = index;
        }

        return index;
    }

    private static JsonNode ParameterNode(ApiParameter parameter)
    {
        var node = new JsonObject { ["name"] = parameter.Name, ["in"] = parameter.Location };
        if (parameter.Required)
        {
            node["required"] = true;
        }

        if (parameter.Schema >= 0)
        {
            node["schema"] = parameter.Schema;
        }

        if (parameter.Explode && parameter.Location != "path")
        {
            node["explode"] = true;
        }

        return node;
    }

    private static JsonNode ResponseNode(ApiResponse response)
    {
        var node = new JsonObject { ["status"] = response.Status };
        if (response.ContentTypes.Count > 0)
        {
            node["content"] = new JsonArray([.. response.ContentTypes.Select(c => (JsonNode)JsonValue.Create(c))]);
        }

        if (response.Schema >= 0)
        {
            node["schema"] = response.Schema;
        }

        if (response.Example is not null)
        {
            node["example"] = response.Example.DeepClone();
        }

        return node;
    }
}
