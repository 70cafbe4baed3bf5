using System.Threading.RateLimiting;
using Conduit.Http;

namespace Conduit.Integrations.Pipeline;

/// <summary>
/// Takes a permit from a <see cref="RateLimiter"/> before each attempt is sent (used for limiters supplied through
/// <see cref="IntegrationOptions.RateLimiterFactory"/>, such as a Redis-shared budget). A refused permit fails the attempt
/// with <see cref="RateLimitedException"/> (no status code), carrying the limiter's retry-after when it gives one.
/// </summary>
/// <remarks>It runs inside the core's per-attempt timeout, so a long wait for a permit counts against that timeout.</remarks>
internal sealed class RateLimiterHandler(RateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        ThrowIfRefused(lease, request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = limiter.AttemptAcquire(1);
            if (lease.IsAcquired)
            {
                return base.Send(request, cancellationToken);
            }

            if (!lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) || retryAfter <= TimeSpan.Zero)
            {
                ThrowIfRefused(lease, request);
            }

            // A blocking wait (the synchronous API never blocks on asynchronous work).
            cancellationToken.WaitHandle.WaitOne(retryAfter);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static void ThrowIfRefused(RateLimitLease lease, HttpRequestMessage request)
    {
        if (lease.IsAcquired)
        {
            return;
        }

        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        var reason = lease.TryGetMetadata(MetadataName.ReasonPhrase, out var phrase) ? " (" + phrase + ")" : string.Empty;
        var uri = request.RequestUri is { } u ? new Uri(u.GetLeftPart(UriPartial.Path)) : null;
        throw new RateLimitedException(
            $"{request.Method.Method} {uri} was rejected by the shared rate limiter{reason}.", request.Method.Method, uri, response: null, retryAfter);
    }
}
