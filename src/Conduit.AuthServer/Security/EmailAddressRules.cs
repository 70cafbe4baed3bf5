using System.Text.RegularExpressions;

namespace Conduit.AuthServer.Security;

/// <summary>What the service accepts as an email address, and the form in which addresses are compared.</summary>
internal static partial class EmailAddressRules
{
    /// <summary>Longest address accepted (RFC 5321 path limit).</summary>
    public const int MaximumLength = 254;

    /// <summary>Whether <paramref name="email"/> looks like a deliverable address: <c>local@domain.tld</c>, no spaces.</summary>
    public static bool IsValid(string email) =>
        email.Length <= MaximumLength && AddressPattern().IsMatch(email);

    /// <summary>The comparison form: trimmed, lower-case (invariant culture).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    // NonBacktracking matches in time linear in the (at most 254-character) input, so no input can make it slow and it needs
    // no match timeout. A wall-clock timeout (it was 100 ms) fired on a busy machine for ordinary addresses and turned
    // registration into a 500 (RegexMatchTimeoutException), found by tests/Conduit.Fuzz.Tests.
    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AddressPattern();
}
