using System.Threading.RateLimiting;
using Conduit.Http;

namespace Conduit.Redis.RateLimiting;

/// <summary>
/// Takes a permit from any <see cref="RateLimiter"/> (for example a <see cref="RedisTokenBucketRateLimiter"/>) before each
/// attempt a <see cref="ConduitClient"/> sends: put it in the client's handler chain
/// (<c>new ConduitClient(new HttpClient(new RateLimitedHttpHandler(limiter) { InnerHandler = HttpHandlerFactory.Create(options) }), options)</c>).
/// A refused permit fails the attempt with <see cref="RateLimitedException"/> (no status code) carrying the limiter's
/// retry-after.
/// </summary>
/// <remarks>It runs inside the client's per-attempt timeout, so a long wait for a permit counts against that timeout.</remarks>
/// <param name="limiter">The limiter (not owned).</param>
public sealed class RateLimitedHttpHandler(RateLimiter limiter) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            ThrowIfRefused(lease, request);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (true)
        {
            using var lease = limiter.AttemptAcquire(1);
            if (lease.IsAcquired)
            {
                break;
            }

            if (!lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) || retryAfter <= TimeSpan.Zero || lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason!.StartsWith("Redis is unavailable", StringComparison.Ordinal))
            {
                ThrowIfRefused(lease, request);
            }

            // A blocking wait: the synchronous API never blocks on asynchronous work.
            cancellationToken.WaitHandle.WaitOne(retryAfter);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return base.Send(request, cancellationToken);
    }

    private static void ThrowIfRefused(RateLimitLease lease, HttpRequestMessage request)
    {
        if (lease.IsAcquired)
        {
            return;
        }

        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        var reason = lease.TryGetMetadata(MetadataName.ReasonPhrase, out var phrase) ? ": " + phrase : ".";
        var uri = request.RequestUri is { } u ? new Uri(u.GetLeftPart(UriPartial.Path)) : null;
        throw new RateLimitedException($"{request.Method.Method} {uri} was refused by the shared rate limiter{reason}", request.Method.Method, uri, response: null, retryAfter);
    }
}
