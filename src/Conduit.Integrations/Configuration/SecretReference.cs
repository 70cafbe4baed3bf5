namespace Conduit.Integrations.Configuration;

/// <summary>
/// Resolves <c>${ENV:NAME}</c> references in configuration values. A value that is exactly a reference is replaced by
/// the variable's value; references inside a longer value are replaced in place. Other text is kept as written.
/// </summary>
public static class SecretReference
{
    private const string Prefix = "${ENV:";

    /// <summary>Whether <paramref name="value"/> contains a reference.</summary>
    public static bool IsReference(string? value) => value is not null && value.Contains(Prefix, StringComparison.Ordinal);

    /// <summary>Resolves every reference in <paramref name="value"/>.</summary>
    /// <param name="value">The configured value.</param>
    /// <param name="environment">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <param name="missing">The first variable that is not set or a malformed reference, else <see langword="null"/>.</param>
    /// <returns>The resolved value, or <see langword="null"/> when a variable is missing.</returns>
    public static string? Resolve(string? value, Func<string, string?>? environment, out string? missing)
    {
        missing = null;
        if (value is null || !IsReference(value))
        {
            return value;
        }

        environment ??= Environment.GetEnvironmentVariable;
        var result = new System.Text.StringBuilder(value.Length);
        var position = 0;
        while (position < value.Length)
        {
            var start = value.IndexOf(Prefix, position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(value, position, value.Length - position);
                break;
            }

            var end = value.IndexOf('}', start + Prefix.Length);
            var name = end < 0 ? string.Empty : value[(start + Prefix.Length)..end];
            if (name.Length == 0 || name.Any(static c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                missing = end < 0 ? value[start..] : value[start..(end + 1)];
                return null;
            }

            var resolved = environment(name);
            if (resolved is null)
            {
                missing = name;
                return null;
            }

            result.Append(value, position, start - position).Append(resolved);
            position = end + 1;
        }

        return result.ToString();
    }
}
