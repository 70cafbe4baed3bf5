using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Tests.Operations;

/// <summary>Builds the smallest valid request for any operation of the table, using seeded ids where the path names them.</summary>
internal sealed class MinimalRequestFactory(MistSandbox sandbox, string deviceId, string orgWlanId, string siteWlanId)
{
    public HttpRequestMessage Create(TableOperation operation)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(PathValue(operation, parameter)), StringComparison.Ordinal);
        }

        var query = operation.Parameters
            .Where(p => p.In == "query" && p.Required)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(Text(p.Schema))}")
            .ToList();
        var uri = query.Count == 0 ? path : $"{path}?{string.Join("&", query)}";
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", sandbox.Seed.Tokens[0]);
        if (operation.Body is { } body)
        {
            if (body.AcceptsJson)
            {
                var value = body.Schema is null ? new JsonObject() : SchemaSynthesizer.Synthesize(body.Schema, SynthesisPurpose.Request);
                request.Content = SandboxTestHost.Json(value?.ToJsonString() ?? "null");
            }
            else
            {
                var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "file.bin" } };
                request.Content = form;
            }
        }

        return request;
    }

    private string PathValue(TableOperation operation, TableParameter parameter) => parameter.Name switch
    {
        "org_id" => sandbox.Seed.OrgId,
        "site_id" => sandbox.Seed.SiteIds[0],
        "msp_id" => sandbox.Seed.MspId,
        "device_id" when operation.Path.StartsWith("/api/v1/sites/", StringComparison.Ordinal) => deviceId,
        "wlan_id" => operation.Path.StartsWith("/api/v1/sites/", StringComparison.Ordinal) ? siteWlanId : orgWlanId,
        _ => Text(parameter.Schema),
    };

    private static string Text(SchemaNode? schema)
    {
        if (schema is null)
        {
            return "string";
        }

        var value = SchemaSynthesizer.Synthesize(schema, SynthesisPurpose.Request);
        return value switch
        {
            JsonArray array => string.Join(",", array.Select(i => Scalar(i))),
            _ => Scalar(value),
        };
    }

    private static string Scalar(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? v.GetValue<string>()
        : value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? (b.GetValueKind() == JsonValueKind.True ? "true" : "false")
            : Convert.ToString(value?.ToJsonString(), CultureInfo.InvariantCulture) ?? string.Empty;
}
