using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>Reads one Mist page from a response: a JSON array with <c>X-Page-*</c> headers, or a search envelope.</summary>
internal static class MistPageReader
{
    /// <summary>The most items <see cref="ExpectedItems"/> answers (a list may still grow past it).</summary>
    public const int MaxPresizedItems = 1 << 20;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a JSON array body and the paging headers.</summary>
    public static MistPage<T> ReadArray<T>(ApiResponse response, long? requested, JsonTypeInfo<IList<T>> items)
    {
        var headers = MistPageHeaders.Read(response);
        var values = response.Content.IsEmpty ? null : response.ReadAs(items);
        var pageNumber = headers.Page ?? (int?)requested ?? (headers.Total is null ? null : 1);
        return new MistPage<T>(AsReadOnly(values), response, pageNumber, headers.Limit, headers.Total);
    }

    /// <summary>
    /// Reads a search envelope (<c>results</c>, <c>next</c>, <c>total</c>, <c>limit</c>) in one pass over the body:
    /// the results are deserialised where the reader finds them, the rest is skipped.
    /// </summary>
    public static MistPage<T> ReadEnvelope<T>(ApiResponse response, JsonTypeInfo<IList<T>> items)
    {
        if (response.Content.IsEmpty)
        {
            return new MistPage<T>([], response);
        }

        IList<T>? values = null;
        string? next = null;
        long? total = null;
        int? limit = null;
        var body = response.Content.Span;
        var reader = new Utf8JsonReader(body.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The body holds no JSON value.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                EnsureEnd(ref reader);
                return new MistPage<T>([], response);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = Property(ref reader);
                reader.Read();
                switch (property)
                {
                    case EnvelopeProperty.Results when reader.TokenType == JsonTokenType.StartArray:
                        values = ReadResults(ref reader, response, items);
                        break;
                    case EnvelopeProperty.Next:
                        next = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case EnvelopeProperty.Total:
                        total = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var t) ? t : null;
                        break;
                    case EnvelopeProperty.Limit:
                        limit = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var l) ? l : null;
                        break;
                }

                // Past the value (a no-op for a scalar or results already read): objects and arrays are skipped whole.
                reader.Skip();
            }

            EnsureEnd(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ApiException(
                $"{response.RequestMethod} {response.RequestUri} answered {(int)response.StatusCode} with a body that is not the expected JSON: {ex.Message}",
                response.RequestMethod, response.RequestUri, response, ex);
        }

        return new MistPage<T>(AsReadOnly(values), response, null, limit, total, next);
    }

    /// <summary>Whether the body is a JSON array (else an envelope is assumed).</summary>
    public static bool IsArray(ApiResponse response)
    {
        foreach (var b in response.Content.Span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }

    /// <summary>The number of the page after <paramref name="previous"/> when paging by number, or null when it was the last.</summary>
    public static long? NextNumber<T>(MistPage<T> previous)
    {
        if (previous.Total is not { } total || previous.Limit is not { } limit || limit <= 0 || previous.PageNumber is not { } number || previous.Items.Count == 0)
        {
            return null;
        }

        return (long)number * limit < total ? number + 1 : null;
    }

    /// <summary>The last page number of a list paged by number, when the first page says enough to know it.</summary>
    public static long? LastNumber<T>(MistPage<T> first) =>
        first is { Total: { } total, Limit: > 0, PageNumber: not null } && first.Items.Count > 0
            ? (total + first.Limit.Value - 1) / first.Limit.Value
            : null;

    /// <summary>
    /// How many items a list holds, judged from its first page (the total when given, capped at
    /// <see cref="MaxPresizedItems"/> so a wrong header cannot make a huge allocation), to size the list that collects them.
    /// </summary>
    public static int ExpectedItems<T>(MistPage<T> first) => (int)Math.Min(Math.Max(first.Total ?? 0, first.Items.Count), MaxPresizedItems);

    /// <summary>The deserialised list itself when it is read-only-viewable (a <see cref="List{T}"/> is), else a copy.</summary>
    private static IReadOnlyList<T> AsReadOnly<T>(IList<T>? values) => values switch
    {
        null => [],
        IReadOnlyList<T> list => list,
        _ => [.. values],
    };

    private static IList<T>? ReadResults<T>(ref Utf8JsonReader reader, ApiResponse response, JsonTypeInfo<IList<T>> items)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, items);
        }
        catch (JsonException ex)
        {
            throw new ApiException(
                $"{response.RequestMethod} {response.RequestUri} answered {(int)response.StatusCode} with results that are not the expected JSON: {ex.Message}",
                response.RequestMethod, response.RequestUri, response, ex);
        }
    }

    private static EnvelopeProperty Property(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("results"u8) ? EnvelopeProperty.Results
        : reader.ValueTextEquals("next"u8) ? EnvelopeProperty.Next
        : reader.ValueTextEquals("total"u8) ? EnvelopeProperty.Total
        : reader.ValueTextEquals("limit"u8) ? EnvelopeProperty.Limit
        : EnvelopeProperty.Other;

    /// <summary>Throws when anything but whitespace follows the root value (as <see cref="JsonDocument"/> would).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {reader.TokenType} after the end of the JSON value.");
        }
    }

    private enum EnvelopeProperty
    {
        Other,
        Results,
        Next,
        Total,
        Limit,
    }
}
