using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Conduit.Mist.Sessions;

/// <summary>
/// The session's step inside every attempt, just above the socket handler: picks the API token with the most budget
/// left and charges it, moves to the next token when one is answered 429 (or 401), answers 429 itself when every
/// token is set aside, adds <c>X-CSRFToken</c> to writes of a login session, and notices an expired login.
/// </summary>
internal sealed class MistSessionHandler(MistSessionState state) : DelegatingHandler
{
    /// <summary>A header that pins a call to one token (by 1-based position), used to validate each token; never sent.</summary>
    public const string PinHeader = "Conduit-Mist-Token-Position";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, async: true, cancellationToken).AsTask();

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pending = SendCoreAsync(request, async: false, cancellationToken);
        return pending.IsCompleted ? pending.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous send did not complete synchronously.");
    }

    private async ValueTask<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if (state.Cookies is not null && !IsSafe(request.Method) && request.RequestUri is { } uri && state.CsrfToken(uri) is { } csrf)
        {
            request.Headers.Remove("X-CSRFToken");
            request.Headers.TryAddWithoutValidation("X-CSRFToken", csrf);
        }

        if (state.Pool is { } pool)
        {
            return await SendWithTokenAsync(pool, request, async, cancellationToken).ConfigureAwait(false);
        }

        var response = await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && state.Mode == MistAuthenticationMode.Login && state.MarkExpired())
        {
            MistSessionLog.SessionExpired(state.Logger, "(session user)", state.Cloud.Host);
        }

        return response;
    }

    private async ValueTask<HttpResponseMessage> SendWithTokenAsync(MistTokenPool pool, HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        int? pinned = request.Headers.TryGetValues(PinHeader, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
        request.Headers.Remove(PinHeader);
        var canReplay = pinned is null && pool.Count > 1 && await MakeReplayableAsync(request, async, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage? refused = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pool.TryTake(pinned, out var retryAfter) is not { } position)
            {
                MistSessionLog.TokensExhausted(state.Logger, retryAfter.TotalSeconds);
                return Exhausted(request, refused, retryAfter);
            }

            refused?.Dispose();
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", pool.TokenAt(position));
            var response = await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
            if (pinned is not null)
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var delay = RetryAfterOf(response) ?? state.Cooldown;
                pool.MarkRateLimited(position, delay);
                MistSessionLog.TokenRateLimited(state.Logger, position, state.Cloud.Host, delay.TotalSeconds);
            }
            else if (response.StatusCode == HttpStatusCode.Unauthorized && pool.ValidCount > 1)
            {
                pool.MarkInvalid(position);
                MistSessionLog.TokenDropped(state.Logger, position, pool.Count, state.Cloud.Host, 401);
            }
            else
            {
                if (pool.Count > 1)
                {
                    // Per-token quota headers would pause every call of the client; the session budgets tokens itself.
                    response.Headers.Remove("X-RateLimit-Remaining");
                    response.Headers.Remove("X-RateLimit-Reset");
                    response.Headers.Remove("X-RateLimit-Limit");
                }

                return response;
            }

            if (!canReplay)
            {
                return response;
            }

            refused = response;
        }
    }

    private ValueTask<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken) =>
        async ? new(base.SendAsync(request, cancellationToken)) : new(base.Send(request, cancellationToken));

    private static async ValueTask<bool> MakeReplayableAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        switch (request.Content)
        {
            case null or ByteArrayContent or ReadOnlyMemoryContent:
                return true;
            case var content when async:
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - state.Time.GetUtcNow() : null;
    }

    private HttpResponseMessage Exhausted(HttpRequestMessage request, HttpResponseMessage? refused, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        if (refused is { StatusCode: HttpStatusCode.TooManyRequests })
        {
            refused.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            return refused;
        }

        refused?.Dispose();
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(
                "{\"detail\":\"Every API token of this session is rate limited or out of budget; the earliest is free again in " + seconds.ToString(CultureInfo.InvariantCulture) + " s.\"}",
                Encoding.UTF8,
                "application/json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;
}
