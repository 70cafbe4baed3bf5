using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>Reads one Mist page from a response: a JSON array with <c>X-Page-*</c> headers, or a search envelope.</summary>
internal static class MistPageReader
{
    /// <summary>Reads a JSON array body and the paging headers.</summary>
    public static MistPage<T> ReadArray<T>(ApiResponse response, long? requested, JsonTypeInfo<IList<T>> items)
    {
        var headers = MistPageHeaders.Read(response);
        var values = response.Content.IsEmpty ? null : response.ReadAs(items);
        var pageNumber = headers.Page ?? (int?)requested ?? (headers.Total is null ? null : 1);
        return new MistPage<T>(values is null ? [] : [.. values], response, pageNumber, headers.Limit, headers.Total);
    }

    /// <summary>Reads a search envelope: <c>results</c>, <c>next</c>, <c>total</c>, <c>limit</c>.</summary>
    public static MistPage<T> ReadEnvelope<T>(ApiResponse response, JsonTypeInfo<IList<T>> items)
    {
        if (response.Content.IsEmpty)
        {
            return new MistPage<T>([], response);
        }

        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new MistPage<T>([], response);
        }

        IList<T>? values = null;
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            try
            {
                values = results.Deserialize(items);
            }
            catch (JsonException ex)
            {
                throw new ApiException(
                    $"{response.RequestMethod} {response.RequestUri} answered {(int)response.StatusCode} with results that are not the expected JSON: {ex.Message}",
                    response.RequestMethod, response.RequestUri, response, ex);
            }
        }

        var next = root.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        long? total = root.TryGetProperty("total", out var count) && count.TryGetInt64(out var t) ? t : null;
        int? limit = root.TryGetProperty("limit", out var size) && size.TryGetInt32(out var l) ? l : null;
        return new MistPage<T>(values is null ? [] : [.. values], response, null, limit, total, next);
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
}
