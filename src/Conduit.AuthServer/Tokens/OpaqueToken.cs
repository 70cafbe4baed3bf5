using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Conduit.AuthServer.Tokens;

/// <summary>Random bearer strings (refresh, verification and reset tokens) and the hashes stored in their place.</summary>
internal static class OpaqueToken
{
    /// <summary>Number of random bytes in a token (256 bits).</summary>
    public const int ByteLength = 32;

    /// <summary>Longest string accepted as a token before hashing; anything longer cannot be one of ours.</summary>
    public const int MaximumTextLength = 512;

    /// <summary>A new token: 32 random bytes, base64url without padding (43 characters).</summary>
    public static string Generate() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>The SHA-256 of the token's UTF-8 bytes, as lower-case hex; what the database stores and looks up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
