using Conduit.ConfigDocs;

// Writes docs/configuration.md from the options classes and their XML documentation.
//   dotnet run --project tools/Conduit.ConfigDocs [-- --check] [--output PATH]
// --check writes nothing: it exits 1 when the file differs from what would be written (0 when it is current).
var check = false;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check":
            check = true;
            break;
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: Conduit.ConfigDocs [--check] [--output PATH]");
            return 2;
    }
}

output ??= RepositoryFile("docs/configuration.md");
if (output is null)
{
    Console.Error.WriteLine("Could not find the repository (a folder with Conduit.slnx) above the current folder; pass --output PATH.");
    return 2;
}

var expected = ConfigurationReference.Write(XmlDocumentation.Load(OptionsCatalog.Packages));
if (!check)
{
    await File.WriteAllTextAsync(output, expected);
    Console.WriteLine($"Wrote {output}.");
    return 0;
}

if (!File.Exists(output))
{
    Console.Error.WriteLine($"{output} does not exist. Generate it with: dotnet run --project tools/Conduit.ConfigDocs");
    return 1;
}

var actual = (await File.ReadAllTextAsync(output)).ReplaceLineEndings("\n");
if (actual == expected)
{
    Console.WriteLine($"{output} is up to date.");
    return 0;
}

var expectedLines = expected.Split('\n');
var actualLines = actual.Split('\n');
var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
    .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
Console.Error.WriteLine($"{output} does not match the options classes and their XML documentation (it is generated; do not edit it by hand). First difference at line {line + 1}:");
Console.Error.WriteLine($"  expected: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}");
Console.Error.WriteLine($"  found:    {(line < actualLines.Length ? actualLines[line] : "(end of file)")}");
Console.Error.WriteLine("Regenerate it with: dotnet run --project tools/Conduit.ConfigDocs");
return 1;

// The path of a file of the repository: the nearest folder above the current one that holds Conduit.slnx.
static string? RepositoryFile(string relativePath)
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Conduit.slnx")))
        {
            return Path.Combine(folder.FullName, relativePath);
        }
    }

    return null;
}
