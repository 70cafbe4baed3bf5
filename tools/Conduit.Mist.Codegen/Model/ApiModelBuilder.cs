using System.Text.Json.Nodes;
using Conduit.Mist.Codegen.Schemas;
using Microsoft.OpenApi;

namespace Conduit.Mist.Codegen.Model;

/// <summary>
/// Normalises a parsed OpenAPI document into an <see cref="ApiModel"/>: operations ordered by path
/// and method, path-level parameters merged under operation-level ones, references resolved, and
/// schemas interned. It applies rules only; no path or operation is treated specially.
/// </summary>
internal static class ApiModelBuilder
{
    private static readonly string[] MethodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    /// <summary>Builds the core model of <paramref name="document"/> (what the sandbox table is written from).</summary>
    public static ApiModel Build(OpenApiDocument document) => Build(document, ApiModelOptions.Core);

    /// <summary>Builds the model of <paramref name="document"/> with the extras <paramref name="options"/> asks for.</summary>
    public static ApiModel Build(OpenApiDocument document, ApiModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var schemas = new SchemaTableBuilder(document.Components?.Schemas, options.IncludeDocumentation);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations.OrderBy(o => MethodRank(o.Key.Method)))
            {
                operations.Add(BuildOperation(path, method.Method.ToUpperInvariant(), item, operation, schemas, options));
            }
        }

        var duplicate = operations.GroupBy(o => o.OperationId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The operation id '{duplicate.Key}' is used by more than one operation.");
        }

        return new ApiModel(document.Info?.Title ?? string.Empty, document.Info?.Version ?? string.Empty, operations, schemas.Build());
    }

    private static int MethodRank(string method)
    {
        var index = Array.IndexOf(MethodOrder, method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }

    private static ApiOperation BuildOperation(string path, string method, IOpenApiPathItem item, OpenApiOperation operation, SchemaTableBuilder schemas, ApiModelOptions options)
    {
        var operationId = string.IsNullOrEmpty(operation.OperationId)
            ? throw new InvalidDataException($"{method} {path} has no operationId.")
            : operation.OperationId;
        var parameters = MergeParameters(item.Parameters, operation.Parameters)
            .Select(p => new ApiParameter(
                p.Name ?? string.Empty,
                LocationName(p.In),
                p.Required || p.In == ParameterLocation.Path,
                schemas.Intern(p.Schema),
                p.Explode)
            {
                Description = p.Description,
                Deprecated = p.Deprecated,
            })
            .ToList();
        var body = operation.RequestBody is { Content: { } content } requestBody
            ? new ApiRequestBody(requestBody.Required, [.. content.Keys], schemas.Intern(JsonSchema(content)))
            {
                FormSchema = options.IncludeFormSchemas ? schemas.Intern(FormSchema(content)) : -1,
                Description = requestBody.Description,
            }
            : null;
        var responses = (operation.Responses ?? new OpenApiResponses())
            .Select(pair => BuildResponse(pair.Key, pair.Value, schemas))
            .ToList();
        var anonymous = operation.Security is { Count: 0 };
        return new ApiOperation(operationId, method, path, operation.Tags?.FirstOrDefault()?.Name, parameters, body, responses, anonymous)
        {
            Summary = operation.Summary,
            Description = operation.Description,
            Deprecated = operation.Deprecated,
        };
    }

    private static ApiResponse BuildResponse(string status, IOpenApiResponse response, SchemaTableBuilder schemas)
    {
        var content = response.Content;
        if (content is null || content.Count == 0)
        {
            return new ApiResponse(status, [], -1, null);
        }

        var schema = schemas.Intern(JsonSchema(content));
        var media = JsonMedia(content);
        JsonNode? example = null;
        if (media?.Examples is { Count: > 0 } examples)
        {
            example = examples.Values.Select(e => e.Value).FirstOrDefault(v => v is not null)?.DeepClone();
        }

        example ??= media?.Example?.DeepClone();
        return new ApiResponse(status, [.. content.Keys], schema, example);
    }

    private static IOpenApiMediaType? JsonMedia(IDictionary<string, IOpenApiMediaType> content)
        => content.Where(c => IsJson(c.Key)).Select(c => c.Value).FirstOrDefault();

    private static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType> content)
        => JsonMedia(content)?.Schema;

    private static IOpenApiSchema? FormSchema(IDictionary<string, IOpenApiMediaType> content)
        => content.Where(c => c.Key.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)).Select(c => c.Value.Schema).FirstOrDefault();

    /// <summary>Whether a media type carries JSON (<c>application/json</c>, <c>application/*+json</c>).</summary>
    public static bool IsJson(string mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<IOpenApiParameter> MergeParameters(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel)
    {
        var merged = new List<IOpenApiParameter>();
        foreach (var parameter in (pathLevel ?? []).Concat(operationLevel ?? []))
        {
            merged.RemoveAll(p => p.Name == parameter.Name && p.In == parameter.In);
            merged.Add(parameter);
        }

        return merged;
    }

    private static string LocationName(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
        ParameterLocation.Cookie => "cookie",
        _ => "query",
    };
}
