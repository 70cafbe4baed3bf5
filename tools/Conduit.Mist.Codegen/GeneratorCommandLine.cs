namespace Conduit.Mist.Codegen;

/// <summary>The generator's parsed command line.</summary>
/// <param name="Spec">The OpenAPI document to read.</param>
/// <param name="SandboxOutput">The folder for the sandbox table, or null to skip it.</param>
/// <param name="SdkOutput">The folder for the SDK sources, or null to skip them.</param>
internal sealed record GeneratorCommandLine(string Spec, string? SandboxOutput, string? SdkOutput)
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: Conduit.Mist.Codegen --spec <document.json> [--output-sandbox <folder>] [--output <folder>]
          --spec            the Mist OpenAPI document (JSON)
          --output-sandbox  writes the sandbox route-and-schema table (src/Conduit.Sandbox/Generated)
          --output          writes the Mist SDK sources (src/Conduit.Mist.Api/Generated)
        """;

    /// <summary>Parses <paramref name="args"/>; returns null and an error when they are not usable.</summary>
    public static GeneratorCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? spec = null, sandbox = null, sdk = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--spec": spec = value; i++; break;
                case "--output-sandbox": sandbox = value; i++; break;
                case "--output": sdk = value; i++; break;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return null;
            }
        }

        error = spec is null ? "--spec is required."
            : sandbox is null && sdk is null ? "Give --output-sandbox and/or --output."
            : null;
        return error is null ? new GeneratorCommandLine(spec!, sandbox, sdk) : null;
    }
}
