using System.Runtime.InteropServices;
using System.Text;
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
                        var text = ReadText(value);
                        return Shorten(response.Redactor.RedactText(text));
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

    /// <summary>
    /// The field's text. A string holding invalid UTF-8 (which <see cref="JsonElement.GetString"/> refuses to transcode) is
    /// decoded leniently from its raw bytes, invalid sequences becoming U+FFFD, so a malformed error body still gives a detail.
    /// </summary>
    private static string ReadText(JsonElement value)
    {
        try
        {
            return (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            var raw = JsonMarshal.GetRawUtf8Value(value);
            if (value.ValueKind == JsonValueKind.String && raw.Length >= 2)
            {
                raw = raw[1..^1];
            }

            return Encoding.UTF8.GetString(raw);
        }
    }

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= MaxDetailLength ? text : string.Concat(text.AsSpan(0, MaxDetailLength), "…");
    }
}
