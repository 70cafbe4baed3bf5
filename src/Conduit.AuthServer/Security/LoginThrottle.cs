using System.Net;
using System.Security.Cryptography;
using System.Text;
using Conduit.AuthServer.Storage;

namespace Conduit.AuthServer.Security;

/// <summary>
/// Login throttling per account and per client IP address, counted in the store so every instance
/// sees the same counts. Counting uses fixed windows of <see cref="AuthServerOptions.LoginThrottleWindow"/>.
/// </summary>
/// <remarks>
/// An account attempt is counted <em>before</em> the password is checked (and the count cleared on
/// success), so parallel guesses cannot overshoot the limit. Address failures are counted after the
/// fact, so many users behind one address who log in successfully are never throttled.
/// </remarks>
internal sealed class LoginThrottle(IAuthStore store, AuthServerOptions options)
{
    /// <summary>Throttling key of an account; the address is hashed so the table holds no emails.</summary>
    public static string AccountKey(string normalizedEmail) =>
        "account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>Throttling key of a client address.</summary>
    public static string IpKey(IPAddress? address) =>
        "ip:" + (address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());

    /// <summary>How long the address must wait, or <see langword="null"/> when it may try now.</summary>
    public async Task<TimeSpan?> CheckAddressAsync(string ipKey, CancellationToken cancellationToken)
    {
        var counters = await store.GetThrottleCountersAsync([ipKey], cancellationToken).ConfigureAwait(false);
        return counters.Count == 0 ? null : Wait(counters[0], options.MaxFailedLoginsPerIp, inclusive: true);
    }

    /// <summary>Counts an attempt on the account; returns how long to wait when it is over the limit.</summary>
    public async Task<TimeSpan?> ReserveAccountAttemptAsync(string accountKey, CancellationToken cancellationToken)
    {
        var counter = await store.RecordFailureAsync(accountKey, options.TimeProvider.GetUtcNow(), options.LoginThrottleWindow, cancellationToken).ConfigureAwait(false);
        return Wait(counter, options.MaxFailedLoginsPerAccount, inclusive: false);
    }

    /// <summary>Counts a failed attempt from the address.</summary>
    public Task RecordAddressFailureAsync(string ipKey, CancellationToken cancellationToken) =>
        store.RecordFailureAsync(ipKey, options.TimeProvider.GetUtcNow(), options.LoginThrottleWindow, cancellationToken);

    /// <summary>Forgets the attempts on an account after a successful login or password reset.</summary>
    public Task ResetAccountAsync(string accountKey, CancellationToken cancellationToken) =>
        store.ClearThrottleAsync(accountKey, cancellationToken);

    private TimeSpan? Wait(ThrottleCounter counter, int limit, bool inclusive)
    {
        var over = inclusive ? counter.Failures >= limit : counter.Failures > limit;
        var remaining = counter.WindowStartedAt + options.LoginThrottleWindow - options.TimeProvider.GetUtcNow();
        return over && remaining > TimeSpan.Zero ? remaining : null;
    }
}
