using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Conduit.Mist.Codegen.Document;

/// <summary>Loads an OpenAPI 3.x document (JSON) and fails with every reader error in one message.</summary>
internal static class OpenApiDocumentLoader
{
    /// <summary>Reads and parses the document at <paramref name="path"/>.</summary>
    public static OpenApiDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The OpenAPI document '{path}' does not exist.", path);
        }

        using var stream = new MemoryStream(File.ReadAllBytes(path));
        var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var reasons = string.Join(Environment.NewLine, errors.Select(e => $"  {e.Pointer}: {e.Message}"));
            throw new InvalidDataException($"The OpenAPI document '{path}' could not be read:{Environment.NewLine}{reasons}");
        }

        return result.Document;
    }
}
