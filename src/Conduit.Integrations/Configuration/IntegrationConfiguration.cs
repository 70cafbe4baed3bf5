using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.Configuration;

/// <summary>
/// Loads integrations from a JSON file (<c>{ "integrations": [ … ] }</c>, see <c>config.example.json</c>) or from an
/// <see cref="IConfiguration"/> section whose children are the integrations (a list, or an object keyed by name).
/// Unknown fields, values that do not parse, invalid settings and unset <c>${ENV:NAME}</c> references are all errors,
/// reported together.
/// </summary>
public static class IntegrationConfiguration
{
    /// <summary>The key of the integration list in a configuration file: <c>integrations</c>.</summary>
    public const string FileSectionName = "integrations";

    /// <summary>The section <c>services.AddConduit(configuration)</c> reads: <c>Conduit:Integrations</c>.</summary>
    public const string DefaultSectionPath = "Conduit:Integrations";

    /// <summary>Reads and validates the integrations of a section.</summary>
    /// <param name="section">The section whose children are integrations.</param>
    /// <param name="environment">Reads environment variables for <c>${ENV:NAME}</c> checks; the process environment when null.</param>
    /// <exception cref="IntegrationConfigurationException">Anything is wrong; the message lists every problem.</exception>
    public static IReadOnlyList<IntegrationOptions> Load(IConfiguration section, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<string>();
        var result = Read(section, environment, errors);
        return errors.Count == 0 ? result : throw new IntegrationConfigurationException(errors);
    }

    /// <summary>Reads and validates a JSON configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    /// <exception cref="IntegrationConfigurationException">The file is missing, is not valid JSON, or describes invalid integrations.</exception>
    public static IReadOnlyList<IntegrationOptions> LoadFile(string path, Func<string, string?>? environment = null)
    {
        var root = BuildFileConfiguration(path, reloadOnChange: false);
        return LoadFileConfiguration(root, environment);
    }

    /// <summary>Reads and validates the integrations of a configuration built by <see cref="BuildFileConfiguration"/>.</summary>
    /// <exception cref="IntegrationConfigurationException">Anything is wrong; the message lists every problem.</exception>
    public static IReadOnlyList<IntegrationOptions> LoadFileConfiguration(IConfiguration root, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var errors = CheckFileRoot(root);
        var result = Read(root.GetSection(FileSectionName), environment, errors);
        return errors.Count == 0 ? result : throw new IntegrationConfigurationException(errors);
    }

    /// <summary>Builds an <see cref="IConfigurationRoot"/> over a JSON file, optionally reloading when the file changes.</summary>
    /// <exception cref="IntegrationConfigurationException">The file is missing or is not valid JSON.</exception>
    public static IConfigurationRoot BuildFileConfiguration(string path, bool reloadOnChange)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new IntegrationConfigurationException($"The configuration file '{full}' does not exist.");
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange).Build();
        }
        catch (FormatException ex)
        {
            throw new IntegrationConfigurationException($"The configuration file '{full}' is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new IntegrationConfigurationException($"The configuration file '{full}' is not valid JSON: {ex.Message}", ex);
        }
    }

    internal static List<IntegrationOptions> Read(IConfiguration section, Func<string, string?>? environment, List<string> errors)
    {
        var result = IntegrationConfigurationReader.Read(section, errors);
        foreach (var options in result)
        {
            var problems = IntegrationOptionsValidation.Validate(options, environment, checkReferences: true);
            if (IntegrationConfigurationReader.Unparsed.TryGetValue(options, out var unparsed))
            {
                // A field that did not parse is left unset: do not also report it as missing.
                problems.RemoveAll(p => p.EndsWith(" is required.", StringComparison.Ordinal) && unparsed.Any(u => u.StartsWith(p[..^" is required.".Length] + " ", StringComparison.Ordinal)));
            }

            errors.AddRange(problems);
        }

        return result;
    }

    private static List<string> CheckFileRoot(IConfiguration root) =>
        [.. root.GetChildren()
            .Where(static c => !c.Key.Equals(FileSectionName, StringComparison.OrdinalIgnoreCase) && c.Key != "$schema")
            .Select(static c => $"The configuration file has an unknown top-level field '{c.Key}' (expected 'integrations').")];
}
