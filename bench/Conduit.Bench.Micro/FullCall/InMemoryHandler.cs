using System.Net;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// Answers every request at once from memory with the target's body, so a benchmark over it measures the client's own
/// work per call (no socket, no server) precisely even on a busy machine.
/// </summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private static readonly byte[] Body = new byte[1_046];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private static HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        content.Headers.ContentLength = Body.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
