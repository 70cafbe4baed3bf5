using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Http;
using Conduit.Mist.Api;
using Conduit.Mist.Codegen.Sdk;
using Conduit.Mist.Models;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>
/// Builds minimal valid arguments for a generated method from the table: seeded ids for the path values
/// the sandbox knows, synthesised values for other required parameters, a synthesised JSON body (read
/// into the typed model, so it round-trips through the generated converters) and a small file for uploads.
/// </summary>
internal sealed class ContractArguments(IReadOnlyDictionary<string, string> knownIds, Func<TableOperation, string, string?> contextualId)
{
    private readonly MinimalJsonSynthesizer synthesizer = new(SandboxTable.Default.Schemas);

    public object?[] Create(GeneratedMethod method, TableOperation operation, CancellationToken cancellationToken)
    {
        var parameters = method.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Create(parameters[i], operation, cancellationToken);
        }

        return arguments;
    }

    private object? Create(ParameterInfo parameter, TableOperation operation, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        var wire = operation.Parameters.FirstOrDefault(p => SdkNames.Camel(p.Name).TrimStart('@') == parameter.Name);
        if (wire is not null)
        {
            if (!wire.Required)
            {
                return null;
            }

            var text = wire.In == "path"
                ? contextualId(operation, wire.Name) ?? (knownIds.TryGetValue(wire.Name, out var id) ? id : null) ?? MinimalJsonSynthesizer.Scalar(synthesizer.Synthesize(wire.Schema))
                : MinimalJsonSynthesizer.Scalar(synthesizer.Synthesize(wire.Schema));
            return FromText(text, type);
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(MistFile))
        {
            return parameter.Name == "file" || !parameter.HasDefaultValue ? new MistFile("file.bin", new byte[] { 1, 2, 3 }) : null;
        }

        if (underlying == typeof(RequestBody))
        {
            return new MultipartBody().AddFile("file", "file.bin", new byte[] { 1, 2, 3 });
        }

        if (operation.Body is { } body && parameter.Name == "body")
        {
            return FromJson(synthesizer.Synthesize(body.Schema), underlying);
        }

        // A multipart text field: only required ones are sent.
        return parameter.HasDefaultValue ? null : FromText("string", underlying);
    }

    private static object? FromText(string text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return text;
        }

        if (underlying.IsEnum)
        {
            return FromJson(JsonValue.Create(text), underlying);
        }

        if (underlying == typeof(JsonElement))
        {
            return JsonSerializer.SerializeToElement(text, MistJsonContext.Default.String);
        }

        return Convert.ChangeType(text, underlying, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object? FromJson(JsonNode? node, Type type)
    {
        var info = MistJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"No JSON metadata for {type}.");
        return JsonSerializer.Deserialize(node?.ToJsonString() ?? "null", info);
    }
}
