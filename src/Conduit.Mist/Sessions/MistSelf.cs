using System.Text.Json;

namespace Conduit.Mist.Sessions;

/// <summary>Who a session acts as, from <c>GET /api/v1/self</c>: the user and its privileges.</summary>
/// <param name="Email">The user's email.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Privileges">Every privilege, in the order the service gave them.</param>
/// <param name="TwoFactorRequired">Whether the login still waits for a two-factor code (login sessions only).</param>
/// <param name="TwoFactorPassed">Whether the two-factor code was accepted (login sessions only).</param>
/// <param name="SessionExpiry">How long a login session lasts without activity, when the service says (<c>session_expiry</c>, minutes).</param>
/// <param name="Raw">The whole response body.</param>
public sealed record MistSelf(
    string? Email,
    string? FirstName,
    string? LastName,
    IReadOnlyList<MistPrivilege> Privileges,
    bool? TwoFactorRequired,
    bool? TwoFactorPassed,
    TimeSpan? SessionExpiry,
    JsonElement Raw)
{
    /// <summary>The full name, <c>First Last</c>.</summary>
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrEmpty(n)));

    /// <summary>The orgs the user can reach through an org privilege, in order, each once.</summary>
    public IReadOnlyList<MistPrivilege> OrgPrivileges =>
        [.. Privileges.Where(p => p.Scope == "org" && p.OrgId is not null).DistinctBy(p => p.OrgId)];

    /// <summary>Whether the user has <paramref name="role"/> (or <c>admin</c>) on the org.</summary>
    public bool HasOrgRole(string orgId, string role = "read") =>
        Privileges.Any(p => string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase)
            && p.Scope == "org"
            && (p.Role == "admin" || string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Reads a <c>/self</c> body.</summary>
    public static MistSelf Parse(JsonElement body)
    {
        var privileges = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("privileges", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(MistPrivilege.Read).ToArray()
            : [];
        var expiry = LenientJson.Number(body, "session_expiry");
        return new MistSelf(
            LenientJson.String(body, "email"),
            LenientJson.String(body, "first_name"),
            LenientJson.String(body, "last_name"),
            privileges,
            LenientJson.Boolean(body, "two_factor_required"),
            LenientJson.Boolean(body, "two_factor_passed"),
            expiry is { } minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : null,
            body.Clone());
    }

    /// <summary>The user and privilege count; no secret is in it.</summary>
    public override string ToString() => $"{Email} ({Privileges.Count} privileges)";
}
