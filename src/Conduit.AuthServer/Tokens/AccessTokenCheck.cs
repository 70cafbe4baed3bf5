namespace Conduit.AuthServer.Tokens;

/// <summary>Outcome of validating an access token.</summary>
internal enum AccessTokenStatus
{
    /// <summary>Signature, algorithm, type, issuer, audience and lifetime all check out.</summary>
    Valid,

    /// <summary>A genuine token whose lifetime has ended.</summary>
    Expired,

    /// <summary>Anything else: malformed, forged, wrong algorithm, issuer or audience.</summary>
    Invalid,
}

/// <summary>Outcome of validating an access token and, when valid, the user it was issued to.</summary>
internal readonly record struct AccessTokenCheck(AccessTokenStatus Status, string? UserId);
