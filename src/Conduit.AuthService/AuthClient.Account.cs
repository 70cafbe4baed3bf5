using System.Net;
using Conduit.AuthService.Sessions;
using Conduit.AuthService.Wire;
using Conduit.Http;

namespace Conduit.AuthService;

public partial class AuthClient
{
    /// <summary>Gets the logged-in user's profile.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="AuthException">401 without a session or when the session was revoked; 403 for an inactive account.</exception>
    public virtual Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync(ApiRequest.Get(AuthRoutes.CurrentUser), Json.User, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="GetCurrentUserAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="AuthException">The call was refused or failed.</exception>
    public virtual User GetCurrentUser(CancellationToken cancellationToken = default) =>
        SendAsync(ApiRequest.Get(AuthRoutes.CurrentUser), Json.User, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Changes the logged-in user's names or email address; <see langword="null"/> fields are left unchanged.</summary>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated user.</returns>
    /// <exception cref="AuthException">400 for invalid fields; 409 when the new email is taken; 401 without a session.</exception>
    public virtual Task<User> UpdateProfileAsync(UpdateProfileRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(UpdateProfileCall(request), Json.User, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="UpdateProfileAsync"/>.</summary>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated user.</returns>
    /// <exception cref="AuthException">The call was refused or failed.</exception>
    public virtual User UpdateProfile(UpdateProfileRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(UpdateProfileCall(request), Json.User, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Changes the logged-in user's password. The server revokes every refresh token of the account (other devices are
    /// logged out) and returns a new session, which the client keeps.
    /// </summary>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password; it must satisfy the password policy and differ from the current one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="AuthException">400 when the current password is wrong or the new one is weak; 401 without a session.</exception>
    public virtual Task<AuthResponse> ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        StartSessionAsync(ChangePasswordCall(currentPassword, newPassword), "password changed", async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="ChangePasswordAsync"/>.</summary>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="AuthException">The change was refused or the call failed.</exception>
    public virtual AuthResponse ChangePassword(string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        StartSessionAsync(ChangePasswordCall(currentPassword, newPassword), "password changed", async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Asks for a password-reset email. The server answers the same whether or not the account exists, so success
    /// says nothing about the address.
    /// </summary>
    /// <param name="email">The account's email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is accepted.</returns>
    /// <exception cref="AuthException">400 for a malformed address, or the call failed.</exception>
    public virtual Task ForgotPasswordAsync(string email, CancellationToken cancellationToken = default) =>
        SendAsync(ForgotPasswordCall(email), async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="ForgotPasswordAsync"/>.</summary>
    /// <param name="email">The account's email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AuthException">400 for a malformed address, or the call failed.</exception>
    public virtual void ForgotPassword(string email, CancellationToken cancellationToken = default) =>
        SendAsync(ForgotPasswordCall(email), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sets a new password with the token from a reset email; the server ends every session of the account.</summary>
    /// <param name="token">The single-use token from the email.</param>
    /// <param name="newPassword">The new password; it must satisfy the password policy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the password is reset; log in with the new password.</returns>
    /// <exception cref="AuthException">400 when the token is invalid, used or expired, or the password is weak.</exception>
    public virtual Task ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken = default) =>
        SendAsync(ResetPasswordCall(token, newPassword), async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="ResetPasswordAsync"/>.</summary>
    /// <param name="token">The single-use token from the email.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AuthException">The reset was refused or the call failed.</exception>
    public virtual void ResetPassword(string token, string newPassword, CancellationToken cancellationToken = default) =>
        SendAsync(ResetPasswordCall(token, newPassword), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Verifies an email address with the token from a verification email.</summary>
    /// <param name="token">The single-use token from the email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the address is verified.</returns>
    /// <exception cref="AuthException">400 when the token is invalid, used or expired.</exception>
    public virtual Task VerifyEmailAsync(string token, CancellationToken cancellationToken = default) =>
        SendAsync(VerifyEmailCall(token), async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="VerifyEmailAsync"/>.</summary>
    /// <param name="token">The single-use token from the email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AuthException">The token was refused or the call failed.</exception>
    public virtual void VerifyEmail(string token, CancellationToken cancellationToken = default) =>
        SendAsync(VerifyEmailCall(token), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Checks the service's health. An unhealthy service (503 with a health body) is returned, not thrown.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's status, version, uptime and database check.</returns>
    /// <exception cref="AuthException">The service did not answer with a health report.</exception>
    public virtual Task<HealthStatus> HealthCheckAsync(CancellationToken cancellationToken = default) =>
        HealthCheckCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="HealthCheckAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's health report.</returns>
    /// <exception cref="AuthException">The service did not answer with a health report.</exception>
    public virtual HealthStatus HealthCheck(CancellationToken cancellationToken = default) =>
        HealthCheckCoreAsync(async: false, cancellationToken).EnsureCompleted();

    private static ApiRequest UpdateProfileCall(UpdateProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiRequest.Patch(AuthRoutes.CurrentUser).WithBody(JsonBody.From(request, Json.UpdateProfileRequest));
    }

    private static ApiRequest ChangePasswordCall(string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        return ApiRequest.Post(AuthRoutes.ChangePassword).WithBody(JsonBody.From(new ChangePasswordBody(currentPassword, newPassword), Json.ChangePasswordBody));
    }

    private static ApiRequest ForgotPasswordCall(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return ApiRequest.Post(AuthRoutes.ForgotPassword).WithBody(JsonBody.From(new ForgotPasswordBody(email), Json.ForgotPasswordBody));
    }

    private static ApiRequest ResetPasswordCall(string token, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(newPassword);
        return ApiRequest.Post(AuthRoutes.ResetPassword).WithBody(JsonBody.From(new ResetPasswordBody(token, newPassword), Json.ResetPasswordBody));
    }

    private static ApiRequest VerifyEmailCall(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ApiRequest.Post(AuthRoutes.VerifyEmail).WithBody(JsonBody.From(new VerifyEmailBody(token), Json.VerifyEmailBody));
    }

    private async ValueTask<HealthStatus> HealthCheckCoreAsync(bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var request = new ApiRequest(HttpMethod.Get, AuthRoutes.Health) { ThrowOnErrorStatus = false };
        ApiResponse response;
        try
        {
            response = async
                ? await _http.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : _http.Send(request, cancellationToken);
            if (response.IsSuccess || response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return response.ReadAs(Json.HealthStatus);
            }
        }
        catch (ApiException ex)
        {
            throw AuthExceptionFactory.From(ex, _http.Redactor);
        }

        throw AuthExceptionFactory.From(ApiException.FromResponse(response, response.RequestUri), _http.Redactor);
    }
}
