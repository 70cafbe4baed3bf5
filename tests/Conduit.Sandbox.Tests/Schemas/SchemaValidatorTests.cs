using System.Text.Json.Nodes;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Tests.Schemas;

public sealed class SchemaValidatorTests
{
    private static SchemaNode Component(string name) => ApiTable.Default.Schemas.First(s => s.Name == name);

    [Fact]
    public void Validate_SiteWithWrongType_NamesThePath()
        => Assert.StartsWith("$.name: expected a string", SchemaValidator.Validate(Component("site"), JsonNode.Parse("{\"name\": 1}")), StringComparison.Ordinal);

    [Fact]
    public void Validate_DeviceMatchingOneBranch_IsValid()
        => Assert.Null(SchemaValidator.Validate(Component("mist_device"), JsonNode.Parse("{\"type\": \"switch\", \"name\": \"sw\"}")));

    [Fact]
    public void Validate_UuidFormat_RejectsOtherText()
        => Assert.Contains("is not a UUID", SchemaValidator.Validate(Component("org"), JsonNode.Parse("{\"name\": \"o\", \"id\": \"nope\"}")), StringComparison.Ordinal);

    [Fact]
    public void Synthesize_EveryComponent_IsValidAfterRepair()
    {
        var invalid = ApiTable.Default.Schemas.Where(s => s.Name is not null).Distinct()
            .Select(s => (s.Name, Error: SchemaValidator.Validate(s, SchemaRepair.Repair(s, SchemaSynthesizer.Synthesize(s)))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Name}: {r.Error}")
            .ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid.Take(20)));
    }
}
