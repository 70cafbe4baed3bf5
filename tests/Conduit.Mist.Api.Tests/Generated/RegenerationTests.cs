using Conduit.Mist.Codegen.Document;
using Conduit.Mist.Codegen.Sdk;
using Conduit.Mist.Tests.TestSupport;

namespace Conduit.Mist.Tests.Generated;

public sealed class RegenerationTests
{
    [Fact]
    public void CommittedSdk_RegeneratedFromDocument_IsIdentical()
    {
        var document = RepositoryPaths.Document();
        Assert.SkipWhen(!File.Exists(document), $"The Mist OpenAPI document is not at {document}; the committed SDK cannot be checked.");

        var committed = Path.Combine(RepositoryPaths.Root(), "src", "Conduit.Mist.Api", "Generated");
        var output = Path.Combine(Path.GetTempPath(), $"conduit-mist-sdk-{Guid.NewGuid():N}");
        try
        {
            var result = SdkWriter.Write(SdkWriter.BuildModel(OpenApiDocumentLoader.Load(document)), output);
            var expected = Files(output);
            var actual = Files(committed);
            var differences = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
                .Where(path => !expected.TryGetValue(path, out var e) || !actual.TryGetValue(path, out var a) || e != a)
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(differences.Count == 0,
                $"{differences.Count} generated file(s) differ from the document ({string.Join(", ", differences.Take(10))}); run {SdkFileHeader.Command}");
            Assert.Equal(result.Files, actual.Count);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string folder)
        => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
}
