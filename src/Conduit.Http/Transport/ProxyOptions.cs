namespace Conduit.Http.Transport;

/// <summary>
/// The HTTP(S) proxy. With no <see cref="Address"/>, the proxy comes from the environment
/// (<c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>, <c>ALL_PROXY</c>, <c>NO_PROXY</c>) unless <see cref="UseEnvironment"/> is off.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>An explicit proxy URL, e.g. <c>http://proxy.local:3128</c>.</summary>
    public Uri? Address { get; set; }

    /// <summary>The proxy user name, when it needs credentials.</summary>
    public string? UserName { get; set; }

    /// <summary>The proxy password.</summary>
    public string? Password { get; set; }

    /// <summary>Hosts (regular expressions, as <see cref="System.Net.WebProxy.BypassList"/>) reached directly.</summary>
    public IList<string> BypassList { get; set; } = [];

    /// <summary>Whether local addresses bypass an explicit proxy. Default on.</summary>
    public bool BypassOnLocal { get; set; } = true;

    /// <summary>Whether the environment variables are used when <see cref="Address"/> is not set. Default on.</summary>
    public bool UseEnvironment { get; set; } = true;

    internal ProxyOptions Clone() => new()
    {
        Address = Address,
        UserName = UserName,
        Password = Password,
        BypassList = [.. BypassList],
        BypassOnLocal = BypassOnLocal,
        UseEnvironment = UseEnvironment,
    };
}
