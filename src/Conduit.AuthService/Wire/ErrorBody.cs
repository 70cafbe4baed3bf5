using System.Text.Json;
using Conduit.Http;

namespace Conduit.AuthService.Wire;

/// <summary>The auth service's error body <c>{ "error", "message", "details" }</c>, read leniently.</summary>
internal sealed record ErrorBody(string? Error, string? Message, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>Reads the error body of a response, or returns <see langword="null"/> when it is not one.</summary>
    public static ErrorBody? TryRead(ApiResponse response)
    {
        if (response.Content.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("details", out var detailsElement) && detailsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in detailsElement.EnumerateObject())
                {
                    details[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
                }
            }

            return new ErrorBody(StringOf(root, "error"), StringOf(root, "message"), details);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
