using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Conduit.Sandbox.Hosting;

/// <summary>Writes a <see cref="SandboxResponse"/>, spoiling the body when a body fault applies.</summary>
internal sealed class ResponseWriter(TimeProvider time)
{
    private const string JsonContentType = "application/json";

    public async Task WriteAsync(HttpContext http, SandboxResponse answer, MistSandboxFault? bodyFault)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        var headers = response.Headers;
        if (answer.Paging is { } paging)
        {
            headers["X-Page-Total"] = paging.Total.ToString(CultureInfo.InvariantCulture);
            headers["X-Page-Limit"] = paging.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-Page-Page"] = paging.Page.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in answer.Headers ?? [])
        {
            headers.Append(name, value);
        }

        var body = answer.Body;
        if (HttpMethods.IsHead(http.Request.Method) || answer.Status is 204 or 304)
        {
            body = [];
        }

        if (body.Length == 0)
        {
            response.ContentLength = 0;
            return;
        }

        headers[HeaderNames.ContentType] = JsonContentType;
        var token = http.RequestAborted;
        switch (bodyFault?.Kind)
        {
            case MistSandboxFaultKind.MalformedJson:
                var cut = Math.Max(1, body.Length / 2);
                response.ContentLength = cut;
                await response.Body.WriteAsync(body.AsMemory(0, cut), token).ConfigureAwait(false);
                return;
            case MistSandboxFaultKind.TruncatedBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);
                http.Abort();
                return;
            case MistSandboxFaultKind.SlowBody:
                response.ContentLength = body.Length;
                for (var offset = 0; offset < body.Length; offset += bodyFault.ChunkSize)
                {
                    if (offset > 0)
                    {
                        await Task.Delay(bodyFault.Delay, time, token).ConfigureAwait(false);
                    }

                    await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(bodyFault.ChunkSize, body.Length - offset)), token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                }

                return;
            default:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, token).ConfigureAwait(false);
                return;
        }
    }
}
