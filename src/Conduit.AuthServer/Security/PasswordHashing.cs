using System.Security.Cryptography;
using Conduit.AuthServer.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Conduit.AuthServer.Security;

/// <summary>
/// Hashes and verifies passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, random salt, constant-time comparison).
/// </summary>
internal sealed class PasswordHashing
{
    private readonly PasswordHasher<UserRecord> _hasher;
    private readonly string _decoyHash;

    public PasswordHashing(int iterations)
    {
        _hasher = new PasswordHasher<UserRecord>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        _decoyHash = _hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Verifies <paramref name="password"/> against <paramref name="hash"/>.</summary>
    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password);

    /// <summary>Spends the time of a verification for an unknown account, so response times do not reveal which emails exist.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoyHash, password);
}
