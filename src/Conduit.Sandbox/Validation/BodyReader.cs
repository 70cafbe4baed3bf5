using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.Table;
using Microsoft.AspNetCore.Http;

namespace Conduit.Sandbox.Validation;

/// <summary>Reads and checks a JSON request body: size, JSON syntax (and UTF-8), then the body schema.</summary>
internal static class BodyReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>The parsed body, or an error answer (400/413).</summary>
    public static async ValueTask<(JsonNode? Body, SandboxResponse? Failure)> ReadAsync(HttpRequest request, TableOperation operation, long maxBytes)
    {
        if (operation.Body is not { } body || !IsJsonRequest(request.ContentType, body))
        {
            return (null, null);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, ValidationFailure.Body($"The body is larger than {maxBytes} bytes.", 413));
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < 65536 ? (int)request.ContentLength : 4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (null, ValidationFailure.Body($"The body is larger than {maxBytes} bytes.", 413));
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ValidationFailure.Body($"The body could not be read: {ex.Message}", ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : 400));
        }

        if (buffer.WrittenCount == 0 || IsWhitespace(buffer.WrittenSpan))
        {
            // The document marks no body required, so a POST whose schema requires properties needs one too.
            var needed = body.Required || (operation.Method == "POST" && body.Schema?.Required is { Length: > 0 });
            return needed ? (null, ValidationFailure.Body("A JSON body is required.")) : (null, null);
        }

        if (!System.Text.Unicode.Utf8.IsValid(buffer.WrittenSpan))
        {
            return (null, ValidationFailure.Body("JSON parse error - the body is not valid UTF-8."));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.WrittenSpan, documentOptions: ParseOptions);
            State.JsonBytes.Materialize(node);
        }
        catch (JsonException ex)
        {
            return (null, ValidationFailure.Body($"JSON parse error - {ex.Message}"));
        }
        catch (ArgumentException ex)
        {
            return (null, ValidationFailure.Body($"JSON parse error - {ex.Message}"));
        }

        if (body.Schema is { } schema)
        {
            var mode = operation.Method == "POST" ? ValidationMode.Create : ValidationMode.Update;
            string? error;
            try
            {
                error = SchemaValidator.Validate(schema, node, mode);
            }
            catch (InvalidOperationException ex)
            {
                // A string that cannot be decoded (an escaped lone surrogate) surfaces only when read.
                error = $"$: {ex.Message}";
            }

            if (error is not null)
            {
                return (null, ValidationFailure.Body($"Invalid body: {error}"));
            }
        }

        return (node, null);
    }

    private static bool IsJsonRequest(string? contentType, TableBody body)
    {
        if (!body.AcceptsJson)
        {
            return false;
        }

        // A media type the operation also accepts (multipart uploads) is left to the handler.
        return string.IsNullOrEmpty(contentType)
            || TableMediaTypes.IsJson(contentType)
            || !body.ContentTypes.Any(c => contentType.StartsWith(c, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
