using System.Text.Json.Serialization;

namespace Conduit.AuthService.Wire;

/// <summary>Source-generated (trim and AOT safe) JSON metadata for every body the client sends or reads, in snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(UpdateProfileRequest))]
[JsonSerializable(typeof(LoginBody))]
[JsonSerializable(typeof(RefreshTokenBody))]
[JsonSerializable(typeof(ChangePasswordBody))]
[JsonSerializable(typeof(ForgotPasswordBody))]
[JsonSerializable(typeof(ResetPasswordBody))]
[JsonSerializable(typeof(VerifyEmailBody))]
[JsonSerializable(typeof(AuthResponse))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class AuthServiceJsonContext : JsonSerializerContext;
