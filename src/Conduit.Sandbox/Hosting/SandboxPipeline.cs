using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Faults;
using Conduit.Sandbox.Handlers;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Table;
using Conduit.Sandbox.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.Sandbox.Hosting;

/// <summary>
/// The one terminal middleware of the sandbox. Fixed order: count → faults placed before the
/// handler (latency, then an injected answer) → route (404/405) → authenticate (401) → quota (429) →
/// CSRF (403) → validate parameters and body (400/413) → privileges (403/404) → idempotency (a keyed
/// write already applied is answered from the store, 422 for a different body) → stateful handler
/// or the operation's cached schema-valid answer → count applied writes → stream events of an
/// applied write → faults placed after the handler (latency, then an injected answer) → write
/// (with body faults).
/// The WebSocket stream (<c>/api-ws/v1/stream</c>) shares the first steps: count → faults →
/// authenticate (401) → upgrade check (400) → quota (429, one call per handshake) → upgrade.
/// </summary>
internal sealed partial class SandboxPipeline(
    RouteTrie routes,
    IReadOnlyDictionary<string, StatefulHandler> handlers,
    Authenticator authenticator,
    QuotaTracker quota,
    ScopeGuard scopes,
    MistSandboxCounters counters,
    MistSandboxFaults faults,
    MistSandboxStreams streams,
    ResponseCatalog catalog,
    MistSandboxOptions options,
    ILogger logger)
{
    private readonly ResponseWriter writer = new(options.TimeProvider);
    private readonly TimeProvider time = options.TimeProvider;
    private readonly IdempotencyStore idempotency = new(options.TimeProvider);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var method = request.Method;
        var path = request.Path.Value ?? "/";
        var requestId = request.Headers.TryGetValue(counters.RequestIdHeader, out var ids) ? ids.ToString() : null;
        counters.Record(method, path, requestId);
        try
        {
            var decision = faults.Decide(method, path);
            if (decision.Latency > TimeSpan.Zero)
            {
                await Task.Delay(decision.Latency, time, http.RequestAborted).ConfigureAwait(false);
            }

            if (decision.OutcomeBefore is { } before)
            {
                await InjectAsync(http, before, decision.Status, method).ConfigureAwait(false);
                return;
            }

            if (path.StartsWith("/api-ws/", StringComparison.Ordinal))
            {
                // A handshake changes no state: faults placed after the handler strike before the upgrade.
                if (decision.LatencyAfter > TimeSpan.Zero)
                {
                    await Task.Delay(decision.LatencyAfter, time, http.RequestAborted).ConfigureAwait(false);
                }

                if (decision.OutcomeAfter is { } refusal)
                {
                    await InjectAsync(http, refusal, decision.Status, method).ConfigureAwait(false);
                    return;
                }

                if (await StreamAsync(http, method, path).ConfigureAwait(false) is { } refused)
                {
                    await writer.WriteAsync(http, refused, null).ConfigureAwait(false);
                    LogHandled(logger, method, RouteTemplate(http), refused.Status);
                }

                return;
            }

            var answer = await ProcessAsync(http, method, path).ConfigureAwait(false);
            if (decision.LatencyAfter > TimeSpan.Zero)
            {
                await Task.Delay(decision.LatencyAfter, time, http.RequestAborted).ConfigureAwait(false);
            }

            if (decision.OutcomeAfter is { } after)
            {
                await InjectAsync(http, after, decision.Status, method).ConfigureAwait(false);
                return;
            }

            await writer.WriteAsync(http, answer, decision.Body).ConfigureAwait(false);
            LogHandled(logger, method, RouteTemplate(http), answer.Status);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, ex.GetType().Name, method, RouteTemplate(http));
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await writer.WriteAsync(http, SandboxResponse.Error(500, "The sandbox failed to handle this request."), null).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs the operation's handler (or the generic answer). A body that passed schema validation can still hold a value
    /// the stateful core cannot store (a JSON shape the state's readers do not expect): that is the client's input, so it
    /// is answered 400 with the reason rather than 500.
    /// </summary>
    private SandboxResponse Handle(SandboxRequest request, StatefulHandler? handler)
    {
        try
        {
            return handler is not null ? handler.Handle(request) : Generic(request);
        }
        catch (Exception ex) when (request.Body is not null && ex is InvalidOperationException or FormatException or ArgumentException)
        {
            LogFailed(logger, ex.GetType().Name, request.Http.Request.Method, RouteTemplate(request.Http));
            return SandboxResponse.Error(400, $"The body could not be applied: {ex.GetType().Name}.");
        }
    }

    /// <summary>Answers with an injected error or 429, or drops the connection.</summary>
    private async Task InjectAsync(HttpContext http, MistSandboxFault fault, int status, string method)
    {
        LogFault(logger, fault.Kind, method, fault.PathPattern);
        if (fault.Kind == MistSandboxFaultKind.ConnectionReset)
        {
            http.Abort();
            return;
        }

        var injected = fault.Kind == MistSandboxFaultKind.RateLimitBurst
            ? RateLimited(fault.Delay, minimumSeconds: 0)
            : SandboxResponse.Error(status, $"Injected fault: HTTP {status}.");
        await writer.WriteAsync(http, injected, null).ConfigureAwait(false);
    }

    private async ValueTask<SandboxResponse> ProcessAsync(HttpContext http, string method, string path)
    {
        var match = routes.Match(method, path, RequestValidator.PathFits);
        if (match.Kind == RouteMatchKind.NotFound)
        {
            return SandboxResponse.Error(404, "Not found.");
        }

        if (match.Kind == RouteMatchKind.MethodNotAllowed)
        {
            return SandboxResponse.Error(405, $"Method \"{method}\" not allowed.").WithHeader("Allow", match.Allow!);
        }

        var operation = match.Operation!;
        http.Items[RouteTemplateKey] = operation.Path;
        counters.RecordOperation(operation.Id);
        handlers.TryGetValue(operation.Id, out var handler);
        var access = handler?.Access ?? (operation.Anonymous ? HandlerAccess.Anonymous : HandlerAccess.Authenticated);
        SandboxPrincipal? principal = null;
        QuotaResult? quotaResult = null;
        if (access != HandlerAccess.Anonymous)
        {
            principal = authenticator.Authenticate(http.Request, out var failure);
            if (principal is null)
            {
                return SandboxResponse.Error(401, failure ?? Authenticator.MissingCredentials);
            }

            if (principal.TwoFactorPending && access == HandlerAccess.Authenticated)
            {
                return SandboxResponse.Error(401, "Two-factor authentication is required: POST /api/v1/login/two_factor first.");
            }

            quotaResult = quota.Consume(principal.QuotaKey);
            if (!quotaResult.Value.Allowed)
            {
                return RateLimited(quotaResult.Value.UntilReset);
            }

            if (principal.Session is { } session && !IsSafe(method) && !CsrfMatches(http.Request, session))
            {
                return SandboxResponse.Error(403, "CSRF Failed: CSRF token missing or incorrect.");
            }
        }

        if (RequestValidator.Validate(operation, match, http.Request.Query) is { } invalid)
        {
            return invalid;
        }

        var (body, bodyFailure) = await BodyReader.ReadAsync(http.Request, operation, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (bodyFailure is not null)
        {
            return bodyFailure;
        }

        if (principal is not null && scopes.Check(principal, match, method) is { } denied)
        {
            return denied;
        }

        var sandboxRequest = new SandboxRequest { Http = http, Operation = operation, Route = match, Principal = principal, Body = body };
        var answer = Apply(sandboxRequest, handler, method, path, out var applied);
        if (applied)
        {
            streams.PublishWrite(method, match, answer.Body);
        }

        if (options.SendRateLimitHeaders && quotaResult is { } usage)
        {
            answer.WithHeader("X-RateLimit-Limit", quota.Budget.ToString(CultureInfo.InvariantCulture))
                .WithHeader("X-RateLimit-Remaining", usage.Remaining.ToString(CultureInfo.InvariantCulture))
                .WithHeader("X-RateLimit-Reset", usage.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        return answer;
    }

    /// <summary>
    /// Runs the handler (through the idempotency store for a keyed POST, PATCH or PUT) and counts an
    /// applied write; <paramref name="applied"/> is false for reads, failures and replays.
    /// </summary>
    private SandboxResponse Apply(SandboxRequest request, StatefulHandler? handler, string method, string path, out bool applied)
    {
        var http = request.Http;
        var key = http.Request.Headers.TryGetValue(IdempotencyStore.Header, out var keys) ? keys.ToString() : null;
        SandboxResponse answer;
        if (string.IsNullOrEmpty(key) || !IdempotencyStore.Applies(method))
        {
            answer = Handle(request, handler);
        }
        else if (key.Length > IdempotencyStore.MaxKeyLength)
        {
            applied = false;
            return SandboxResponse.Error(400, $"{IdempotencyStore.Header} must be at most {IdempotencyStore.MaxKeyLength} characters.");
        }
        else
        {
            var result = idempotency.Run(key, method, path, request.Body, () => Handle(request, handler));
            if (result.Replayed)
            {
                counters.RecordReplay(key);
                applied = false;
                return result.Answer;
            }

            answer = result.Answer;
        }

        applied = answer.Status is >= 200 and < 300 && !IsSafe(method);
        if (applied)
        {
            var requestId = http.Request.Headers.TryGetValue(counters.RequestIdHeader, out var ids) ? ids.ToString() : null;
            counters.RecordApplied(method, path, requestId, key);
        }

        return answer;
    }

    /// <summary>The stream handshake: null once the connection was upgraded and served, else the refusal to write.</summary>
    private async ValueTask<SandboxResponse?> StreamAsync(HttpContext http, string method, string path)
    {
        if (path != MistSandboxStreams.StreamPath)
        {
            return SandboxResponse.Error(404, "Not found.");
        }

        http.Items[RouteTemplateKey] = MistSandboxStreams.StreamPath;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsConnect(method))
        {
            return SandboxResponse.Error(405, $"Method \"{method}\" not allowed.").WithHeader("Allow", "GET");
        }

        var principal = authenticator.Authenticate(http.Request, out var failure);
        if (principal is null)
        {
            return SandboxResponse.Error(401, failure ?? Authenticator.MissingCredentials);
        }

        if (principal.TwoFactorPending)
        {
            return SandboxResponse.Error(401, "Two-factor authentication is required: POST /api/v1/login/two_factor first.");
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return SandboxResponse.Error(400, $"{MistSandboxStreams.StreamPath} is a WebSocket endpoint: send a WebSocket upgrade request.");
        }

        var usage = quota.Consume(principal.QuotaKey);
        if (!usage.Allowed)
        {
            return RateLimited(usage.UntilReset);
        }

        await streams.AcceptAsync(http, principal, path).ConfigureAwait(false);
        return null;
    }

    private SandboxResponse Generic(SandboxRequest request)
    {
        var answer = catalog.For(request.Operation);
        if (!request.Operation.IsPaged || answer.Node is not JsonArray items)
        {
            return SandboxResponse.Json(answer.Body, answer.Status);
        }

        var limit = request.Limit;
        var page = request.Page;
        var paging = new PageInfo(items.Count, limit, page);
        if (page == 1 && items.Count <= limit)
        {
            return new SandboxResponse(answer.Status, answer.Body) { Paging = paging };
        }

        var skip = (long)(page - 1) * limit;
        var slice = new JsonArray([.. items.Skip((int)Math.Min(skip, items.Count)).Take(limit).Select(i => i?.DeepClone())]);
        return new SandboxResponse(answer.Status, State.JsonBytes.From(slice)) { Paging = paging };
    }

    private SandboxResponse RateLimited(TimeSpan retryAfter, long minimumSeconds = 1)
    {
        var answer = SandboxResponse.Error(429, $"Too Many Request. The API Token used for the request reached the {quota.Budget} API Calls per hour threshold.");
        if (options.SendRetryAfter)
        {
            var seconds = Math.Max(minimumSeconds, (long)Math.Ceiling(retryAfter.TotalSeconds));
            answer.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return answer;
    }

    private const string RouteTemplateKey = "Conduit.Sandbox.RouteTemplate";

    /// <summary>The matched path template: logs never carry actual paths, which may hold tokens (<c>/verify/{token}</c>).</summary>
    private static string RouteTemplate(HttpContext http) => http.Items.TryGetValue(RouteTemplateKey, out var template) && template is string text ? text : "(unrouted)";

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool CsrfMatches(HttpRequest request, SandboxSession session)
        => request.Headers.TryGetValue(SessionStore.CsrfHeader, out var header)
            && string.Equals(header.ToString(), session.CsrfToken, StringComparison.Ordinal);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Route} answered {Status}")]
    private static partial void LogHandled(ILogger logger, string method, string route, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Injected {Kind} into a {Method} request matching {Pattern}")]
    private static partial void LogFault(ILogger logger, MistSandboxFaultKind kind, string method, string pattern);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{ExceptionType} while handling {Method} {Route}")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string method, string route);
}
