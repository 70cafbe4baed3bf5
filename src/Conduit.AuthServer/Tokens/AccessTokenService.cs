using System.Text;
using Conduit.AuthServer.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conduit.AuthServer.Tokens;

/// <summary>
/// Issues and validates the short-lived access tokens: JWTs of type <c>at+jwt</c>, signed with HS256 and
/// validated for signature, algorithm (so <c>alg: none</c> is refused), type, issuer, audience and
/// lifetime (checked here) against the configured <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AccessTokenService
{
    private const string TokenType = "at+jwt";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly AuthServerOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;

    public AccessTokenService(AuthServerOptions options)
    {
        _options = options;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey!));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [TokenType],
            ValidateIssuer = true,
            ValidateAudience = true,
            // Lifetime is checked below against the configured TimeProvider, not the machine clock.
            ValidateLifetime = false,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
        };
    }

    public IssuedAccessToken Issue(UserRecord user)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var expires = now + _options.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                [JwtRegisteredClaimNames.Email] = user.Email,
                ["role"] = user.Role,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), expires);
    }

    public async Task<AccessTokenCheck> ValidateAsync(string token)
    {
        if (token.Length > _handler.MaximumTokenSizeInBytes)
        {
            return new AccessTokenCheck(AccessTokenStatus.Invalid, null);
        }

        var result = await _handler.ValidateTokenAsync(token, _validation).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || string.IsNullOrEmpty(jwt.Subject)
            || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return new AccessTokenCheck(AccessTokenStatus.Invalid, null);
        }

        var now = _options.TimeProvider.GetUtcNow().UtcDateTime;
        if (jwt.ValidFrom > now + _options.ClockSkew)
        {
            return new AccessTokenCheck(AccessTokenStatus.Invalid, null);
        }

        return jwt.ValidTo + _options.ClockSkew <= now
            ? new AccessTokenCheck(AccessTokenStatus.Expired, null)
            : new AccessTokenCheck(AccessTokenStatus.Valid, jwt.Subject);
    }
}
