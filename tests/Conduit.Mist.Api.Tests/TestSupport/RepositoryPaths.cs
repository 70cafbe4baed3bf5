namespace Conduit.Mist.Tests.TestSupport;

/// <summary>Finds the repository root (the folder holding Conduit.slnx) and the shared Mist OpenAPI document.</summary>
internal static class RepositoryPaths
{
    public static string Root()
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

    /// <summary>The document beside the repository: <c>../shared/mist-openapi/mist.openapi.json</c>.</summary>
    public static string Document() => Path.GetFullPath(Path.Combine(Root(), "..", "shared", "mist-openapi", "mist.openapi.json"));
}
