using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Storage;

namespace Conduit.AuthServer.Endpoints;

/// <summary>Turns stored users into what the API shows.</summary>
internal static class UserMapping
{
    public static UserResponse ToResponse(this UserRecord user) => new(
        user.Id,
        user.Email,
        user.FirstName,
        user.LastName,
        user.IsActive,
        user.IsVerified,
        user.Role,
        user.CreatedAt.UtcDateTime,
        user.UpdatedAt.UtcDateTime);
}
