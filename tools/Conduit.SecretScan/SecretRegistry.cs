namespace Conduit.SecretScan;

/// <summary>One secret to look for, and where it was registered (a registry line or a run-time file).</summary>
internal sealed record Secret(string Value, string Origin);

/// <summary>
/// The test secrets: the literal ones the tests use, listed in the registry file (one per line, <c>#</c> comments),
/// plus those the test processes generated and registered at run time (<c>*.secrets</c> files in the sink).
/// </summary>
internal sealed class SecretRegistry
{
    /// <summary>Shorter values would match ordinary text by chance; the registry refuses them.</summary>
    public const int MinimumLength = 8;

    private SecretRegistry(IReadOnlyList<Secret> secrets, int fromFile)
    {
        Secrets = secrets;
        FromFile = fromFile;
    }

    /// <summary>Every distinct secret.</summary>
    public IReadOnlyList<Secret> Secrets { get; }

    /// <summary>How many came from the registry file.</summary>
    public int FromFile { get; }

    /// <summary>Loads the registry file and the run-time files.</summary>
    public static SecretRegistry Load(string registryFile, IEnumerable<string> runtimeFiles)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new List<Secret>();
        var lines = File.ReadAllLines(registryFile);
        for (var i = 0; i < lines.Length; i++)
        {
            var value = lines[i].Trim();
            if (value.Length == 0 || value.StartsWith('#'))
            {
                continue;
            }

            if (value.Length < MinimumLength)
            {
                throw new InvalidDataException($"{registryFile} line {i + 1}: a secret must have at least {MinimumLength} characters.");
            }

            if (seen.Add(value))
            {
                secrets.Add(new Secret(value, $"{Path.GetFileName(registryFile)} line {i + 1}"));
            }
        }

        var fromFile = secrets.Count;
        foreach (var file in runtimeFiles)
        {
            foreach (var line in File.ReadLines(file))
            {
                var value = line.Trim();
                if (value.Length >= MinimumLength && seen.Add(value))
                {
                    secrets.Add(new Secret(value, $"run-time registration in {Path.GetFileName(file)}"));
                }
            }
        }

        return new SecretRegistry(secrets, fromFile);
    }
}
