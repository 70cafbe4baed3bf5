using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conduit.AuthServer.Endpoints;

/// <summary>
/// Reads a JSON request body with the server's own rules: JSON content type (415), a size limit
/// enforced while reading (413), and clear 400s for empty or malformed bodies. Error messages name the
/// position of a problem, never the offending value.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long maxBytes)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, ApiError.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, ApiError.PayloadTooLarge(maxBytes));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature
            && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > maxBytes))
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, 16 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return (null, ApiError.PayloadTooLarge(maxBytes));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return (null, ApiError.PayloadTooLarge(maxBytes));
                }
            }

            if (length == 0)
            {
                return (null, ApiError.InvalidJson("The request body is empty; a JSON object is required."));
            }

            return Deserialize(buffer.AsSpan(0, length), typeInfo);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiError.PayloadTooLarge(maxBytes));
        }
        finally
        {
            // The buffer held passwords or tokens: wipe it before another request gets it.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static (T? Value, ApiError? Error) Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var trimmed = utf8.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return (null, ApiError.InvalidJson("The request body must be a JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8, typeInfo);
            return value is null
                ? (null, ApiError.InvalidJson("The request body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" at '{exception.Path}'";
            var what = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "contains a field this route does not accept"
                : "is not valid JSON or has a field of the wrong type";
            return (null, ApiError.InvalidJson($"The request body {what}{where}."));
        }
    }
}
