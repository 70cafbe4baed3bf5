using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.State;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Hosting;

/// <summary>
/// Builds, on first use, each operation's schema-valid answer: the response's example when it is
/// valid against the response schema, else a value synthesised from the schema. Shared by all
/// sandboxes of the process (the table is immutable and synthesis is deterministic).
/// </summary>
internal sealed class ResponseCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<GenericAnswer>> answers = new(StringComparer.Ordinal);

    public static ResponseCatalog Shared { get; } = new();

    public GenericAnswer For(TableOperation operation)
        => answers.GetOrAdd(operation.Id, _ => new Lazy<GenericAnswer>(() => Build(operation))).Value;

    /// <summary>A fresh copy of the operation's answer to overlay state on.</summary>
    public JsonNode? Template(TableOperation operation) => For(operation).Node?.DeepClone();

    private static GenericAnswer Build(TableOperation operation)
    {
        var success = operation.Success;
        var status = success?.StatusCode ?? 200;
        if (success?.Schema is not { } schema)
        {
            return new GenericAnswer(status, [], null, false);
        }

        if (success.Example is { } example && SchemaValidator.IsValid(schema, example))
        {
            var copy = example.DeepClone();

            // A stateless answer is always the last page: an optional "next" link would lead nowhere.
            if (copy is JsonObject obj && obj.ContainsKey("next") && schema.Required?.Contains("next") != true)
            {
                obj.Remove("next");
            }

            return new GenericAnswer(status, JsonBytes.From(copy), copy, true);
        }

        var node = SchemaRepair.Repair(schema, SchemaSynthesizer.Synthesize(schema));
        return new GenericAnswer(status, JsonBytes.From(node), node, false);
    }
}
