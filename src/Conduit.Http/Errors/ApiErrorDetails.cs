using System.Text.Json;

namespace Conduit.Http;

/// <summary>Reads the human-readable detail out of a JSON error body.</summary>
internal static class ApiErrorDetails
{
    private const int MaxDetailLength = 500;
    private static readonly string[] DetailFields = ["detail", "message", "error_description", "error", "reason"];

    /// <summary>Returns the first of <c>detail</c>, <c>message</c>, <c>error_description</c>, <c>error</c>, <c>reason</c>, or a short text body.</summary>
    public static string? Extract(ApiResponse response)
    {
        var body = response.Content.Span;
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in DetailFields)
                {
                    if (document.RootElement.TryGetProperty(field, out var value))
                    {
                        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                        return Shorten(response.Redactor.RedactText(text ?? string.Empty));
                    }
                }
            }

            return null;
        }
        catch (JsonException)
        {
            var mediaType = response.ContentType;
            return mediaType is null || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                ? Shorten(response.Redactor.RedactText(response.Text))
                : null;
        }
    }

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= MaxDetailLength ? text : string.Concat(text.AsSpan(0, MaxDetailLength), "…");
    }
}
