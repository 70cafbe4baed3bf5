using System.Text.Json.Serialization;
using Conduit.AuthServer.Contracts;

namespace Conduit.AuthServer.Json;

/// <summary>Source-generated System.Text.Json metadata for every body the server reads or writes (snake_case).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshTokenRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(VerifyEmailRequest))]
[JsonSerializable(typeof(AuthResponse))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(OutboxResponse))]
internal sealed partial class AuthServerJsonContext : JsonSerializerContext;

/// <summary>Metadata for bodies that refuse unknown fields, so a client cannot slip in <c>role</c> or <c>is_active</c> unnoticed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(UpdateProfileRequest))]
[JsonSerializable(typeof(AdminUpdateUserRequest))]
internal sealed partial class StrictAuthServerJsonContext : JsonSerializerContext;
