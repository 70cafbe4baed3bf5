namespace Conduit.AuthServer.Endpoints;

/// <summary>The machine-readable <c>error</c> values of error responses.</summary>
internal static class ErrorCodes
{
    public const string Validation = "validation_error";
    public const string InvalidJson = "invalid_json";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InvalidCredentials = "invalid_credentials";
    public const string Unauthorized = "unauthorized";
    public const string InvalidToken = "invalid_token";
    public const string TokenExpired = "token_expired";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string AccountInactive = "account_inactive";
    public const string EmailNotVerified = "email_not_verified";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string EmailTaken = "email_taken";
    public const string TooManyRequests = "too_many_requests";
    public const string BadRequest = "bad_request";
    public const string Internal = "internal_error";
}
