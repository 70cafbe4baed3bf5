using System.Text;

namespace Conduit.Mist.Credentials;

/// <summary>
/// The merged credentials and, for each field that has a value, where it came from — for a <c>--verbose</c> display
/// that shows origins, never values.
/// </summary>
public sealed class MistCredentialResolution
{
    private readonly Dictionary<MistCredentialFields, MistCredentialOrigin> _origins;

    internal MistCredentialResolution(MistCredentials credentials, Dictionary<MistCredentialFields, MistCredentialOrigin> origins, IReadOnlyList<string> sources)
    {
        Credentials = credentials;
        _origins = origins;
        Sources = sources;
    }

    /// <summary>The merged credentials (fields no source had stay <see langword="null"/>; see <see cref="MistCredentials.WithDefaults"/>).</summary>
    public MistCredentials Credentials { get; }

    /// <summary>Where each present field came from.</summary>
    public IReadOnlyDictionary<MistCredentialFields, MistCredentialOrigin> Origins => _origins;

    /// <summary>The names of the sources, in precedence order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Where a field came from, or <see langword="null"/> when no source had it.</summary>
    /// <param name="field">A single field.</param>
    /// <returns>The origin, or <see langword="null"/>.</returns>
    public MistCredentialOrigin? OriginOf(MistCredentialFields field) => _origins.TryGetValue(field, out var origin) ? origin : null;

    /// <summary>One line per field — <c>ApiTokens: environment (MIST_APITOKEN), 2 values</c> — without any value.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var builder = new StringBuilder();
        foreach (var field in MistCredentialKeys.Split(MistCredentialFields.All))
        {
            builder.Append(field).Append(": ");
            if (_origins.TryGetValue(field, out var origin))
            {
                builder.Append(origin);
                if (field == MistCredentialFields.ApiTokens && Credentials.ApiTokens is { } tokens)
                {
                    builder.Append(", ").Append(tokens.Count).Append(tokens.Count == 1 ? " value" : " values");
                }
            }
            else
            {
                builder.Append("not set");
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
