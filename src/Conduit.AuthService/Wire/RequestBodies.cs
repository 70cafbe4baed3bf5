namespace Conduit.AuthService.Wire;

/// <summary>Body of <c>POST auth/login</c>.</summary>
internal sealed record LoginBody(string Email, string Password);

/// <summary>Body of <c>POST auth/refresh</c> and <c>POST auth/logout</c>.</summary>
internal sealed record RefreshTokenBody(string RefreshToken);

/// <summary>Body of <c>POST auth/change-password</c>.</summary>
internal sealed record ChangePasswordBody(string CurrentPassword, string NewPassword);

/// <summary>Body of <c>POST auth/forgot-password</c>.</summary>
internal sealed record ForgotPasswordBody(string Email);

/// <summary>Body of <c>POST auth/reset-password</c>.</summary>
internal sealed record ResetPasswordBody(string Token, string NewPassword);

/// <summary>Body of <c>POST auth/verify-email</c>.</summary>
internal sealed record VerifyEmailBody(string Token);
