namespace Conduit.AuthService;

/// <summary>The auth service's routes, relative to the base URL (SPEC A3).</summary>
internal static class AuthRoutes
{
    public const string Register = "auth/register";
    public const string Login = "auth/login";
    public const string Refresh = "auth/refresh";
    public const string Logout = "auth/logout";
    public const string ChangePassword = "auth/change-password";
    public const string ForgotPassword = "auth/forgot-password";
    public const string ResetPassword = "auth/reset-password";
    public const string VerifyEmail = "auth/verify-email";
    public const string CurrentUser = "users/me";
    public const string Health = "health";
}
