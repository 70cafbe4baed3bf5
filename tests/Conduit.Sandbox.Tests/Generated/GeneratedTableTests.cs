using Conduit.Mist.Codegen.Document;
using Conduit.Mist.Codegen.Model;
using Conduit.Mist.Codegen.Sandbox;

namespace Conduit.Sandbox.Tests.Generated;

public sealed class GeneratedTableTests
{
    [Fact]
    public void CommittedTable_RegeneratedFromDocument_IsIdentical()
    {
        var root = FindRepositoryRoot();
        var document = Path.GetFullPath(Path.Combine(root, "..", "shared", "mist-openapi", "mist.openapi.json"));
        Assert.SkipWhen(!File.Exists(document), $"The Mist OpenAPI document is not at {document}; the committed table cannot be checked.");

        var output = Path.Combine(Path.GetTempPath(), $"conduit-table-{Guid.NewGuid():N}");
        try
        {
            var written = SandboxTableWriter.Write(ApiModelBuilder.Build(OpenApiDocumentLoader.Load(document)), output);
            var committed = Path.Combine(root, "src", "Conduit.Sandbox", "Generated", SandboxTableWriter.FileName);
            Assert.True(File.ReadAllText(committed) == File.ReadAllText(written),
                $"{committed} is stale: run dotnet run --project tools/Conduit.Mist.Codegen -- --spec ../shared/mist-openapi/mist.openapi.json --output-sandbox src/Conduit.Sandbox/Generated");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void EmbeddedTable_Loads_EveryOperationHasASuccessResponse()
    {
        var table = Conduit.Sandbox.Table.ApiTable.Default;
        Assert.Equal(1011, table.Operations.Length);
        Assert.Equal(table.Operations.Length, MistSandbox.OperationCount);
        Assert.All(table.Operations, o => Assert.NotNull(o.Success));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conduit.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Conduit.slnx above {AppContext.BaseDirectory}.");
    }
}
