using System.Globalization;
using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Conduit.AuthServer.Endpoints;

/// <summary>An error response: status code, <see cref="ErrorResponse"/> body and the headers that go with it.</summary>
internal sealed class ApiError(int statusCode, string error, string message, IReadOnlyDictionary<string, string>? details = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode { get; } = statusCode;

    /// <summary>Seconds for <c>Retry-After</c>, when the client should wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Value of <c>WWW-Authenticate</c> on 401 responses.</summary>
    public string? Challenge { get; init; }

    public ErrorResponse Body { get; } = new(error, message, details);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode!.Value;
        response.Headers.CacheControl = "no-store";
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (Challenge is not null)
        {
            response.Headers.WWWAuthenticate = Challenge;
        }

        return response.WriteAsJsonAsync(Body, AuthServerJsonContext.Default.ErrorResponse, contentType: "application/json; charset=utf-8", httpContext.RequestAborted);
    }

    public static ApiError Validation(IReadOnlyDictionary<string, string> details) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.Validation, "The request has invalid fields; see details.", details);

    public static ApiError Validation(string field, string problem) =>
        Validation(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = problem });

    public static ApiError Unauthorized(string error, string message) =>
        new(StatusCodes.Status401Unauthorized, error, message) { Challenge = error == ErrorCodes.Unauthorized ? "Bearer" : $"Bearer error=\"{(error == ErrorCodes.TokenExpired ? "invalid_token" : error)}\"" };

    public static ApiError Forbidden(string error, string message) => new(StatusCodes.Status403Forbidden, error, message);

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ApiError EmailTaken() =>
        new(StatusCodes.Status409Conflict, ErrorCodes.EmailTaken, "An account with this email address already exists.", new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = "is already registered" });

    public static ApiError TooManyRequests(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests, "Too many failed attempts; try again later.") { RetryAfter = retryAfter };

    public static ApiError PayloadTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The request body exceeds the limit of {limit} bytes.");

    public static ApiError UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "The request body must be JSON (Content-Type: application/json).");

    public static ApiError InvalidJson(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, message);

    public static ApiError Internal() =>
        new(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "The server failed to handle the request.");

    /// <summary>The body for a bare status code produced outside the endpoints (unknown route, wrong method).</summary>
    public static ApiError ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => NotFound("No route matches the request path."),
        StatusCodes.Status405MethodNotAllowed => new(statusCode, ErrorCodes.MethodNotAllowed, "The route does not accept this HTTP method."),
        StatusCodes.Status413PayloadTooLarge => new(statusCode, ErrorCodes.PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
        >= 500 => new(statusCode, ErrorCodes.Internal, "The server failed to handle the request."),
        _ => new(statusCode, ErrorCodes.BadRequest, "The request was not understood."),
    };
}
