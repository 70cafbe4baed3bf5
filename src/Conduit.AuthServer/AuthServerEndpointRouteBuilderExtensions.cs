using Conduit.AuthServer.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conduit.AuthServer;

/// <summary>Maps the auth service's routes into any ASP.NET Core application.</summary>
public static class AuthServerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route under <see cref="AuthServerOptions.BasePath"/>: <c>POST auth/register</c>, <c>auth/login</c>,
    /// <c>auth/refresh</c>, <c>auth/logout</c>, <c>auth/change-password</c>, <c>auth/forgot-password</c>,
    /// <c>auth/reset-password</c>, <c>auth/verify-email</c>; <c>GET</c>/<c>PATCH users/me</c>; <c>GET health</c>;
    /// and, in development mode only, <c>GET admin/outbox</c> and <c>PATCH admin/users/{id}</c>.
    /// Requires <see cref="AuthServerServiceCollectionExtensions.AddConduitAuth"/>.
    /// </summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <returns>The route group, for further conventions (CORS, rate limiting, metadata).</returns>
    public static RouteGroupBuilder MapConduitAuth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var runtime = endpoints.ServiceProvider.GetService<AuthServerRuntime>()
            ?? throw new InvalidOperationException("Call services.AddConduitAuth(options) before app.MapConduitAuth().");
        var group = endpoints.MapGroup(runtime.Options.BasePath.TrimEnd('/'));
        group.AddEndpointFilter(new RequestGuardFilter(runtime));

        group.MapPost("auth/register", RegistrationEndpoints.RegisterAsync);
        group.MapPost("auth/verify-email", RegistrationEndpoints.VerifyEmailAsync);
        group.MapPost("auth/login", SessionEndpoints.LoginAsync);
        group.MapPost("auth/refresh", SessionEndpoints.RefreshAsync);
        group.MapPost("auth/logout", SessionEndpoints.LogoutAsync);
        group.MapPost("auth/change-password", PasswordEndpoints.ChangePasswordAsync);
        group.MapPost("auth/forgot-password", PasswordEndpoints.ForgotPasswordAsync);
        group.MapPost("auth/reset-password", PasswordEndpoints.ResetPasswordAsync);
        group.MapGet("users/me", UserEndpoints.GetCurrentUserAsync);
        group.MapMethods("users/me", [HttpMethods.Patch], UserEndpoints.UpdateCurrentUserAsync);
        group.MapGet("health", HealthEndpoints.GetHealthAsync);
        if (runtime.Options.DevelopmentMode)
        {
            group.MapGet("admin/outbox", AdminEndpoints.ListOutboxAsync);
            group.MapMethods("admin/users/{id}", [HttpMethods.Patch], AdminEndpoints.UpdateUserAsync);
        }

        return group;
    }
}
