using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.AuthService;

namespace Conduit.Cli.Commands.Auth;

/// <summary>
/// Keeps the CLI's auth-service sessions in one user-level JSON file (mode 0600), one entry per server URL:
/// <c>$XDG_CONFIG_HOME/conduit/auth-tokens.json</c>, else <c>~/.config/conduit/auth-tokens.json</c>.
/// </summary>
internal sealed class FileAuthTokenStore(string path, string serverKey) : IAuthTokenStore
{
    public static string DefaultPath()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(root, "conduit", "auth-tokens.json");
    }

    public AuthTokens? Load()
    {
        var entry = ReadAll()[serverKey];
        if (entry is not JsonObject o)
        {
            return null;
        }

        return new AuthTokens(
            (string)o["access_token"]!, (string)o["refresh_token"]!, (string)o["token_type"]!,
            DateTimeOffset.Parse((string)o["expires_at"]!, CultureInfo.InvariantCulture));
    }

    public void Save(AuthTokens? tokens)
    {
        var all = ReadAll();
        if (tokens is null)
        {
            all.Remove(serverKey);
        }
        else
        {
            all[serverKey] = new JsonObject
            {
                ["access_token"] = tokens.AccessToken,
                ["refresh_token"] = tokens.RefreshToken,
                ["token_type"] = tokens.TokenType,
                ["expires_at"] = tokens.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            };
        }

        // Private: the file holds refresh tokens.
        PrivateFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            all.WriteTo(writer);
        });
    }

    private JsonObject ReadAll()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The token store {path} is not valid JSON; delete it to start over.");
        }
    }
}
