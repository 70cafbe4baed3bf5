using System.Net;
using System.Net.WebSockets;

namespace Conduit.Mist.Streaming;

/// <summary>
/// How a <see cref="MistStream"/> authenticates its handshake: an API token (<c>Authorization: Token …</c>) or the
/// cookies of a login session. The secret never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public abstract class MistStreamCredentials
{
    private protected MistStreamCredentials()
    {
    }

    /// <summary>Authenticates with a Mist API token, sent as <c>Authorization: Token &lt;token&gt;</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="apiToken"/> is empty or contains whitespace.</exception>
    public static MistStreamCredentials Token(string apiToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        if (apiToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("An API token may not contain whitespace or control characters.", nameof(apiToken));
        }

        return new TokenCredentials(apiToken);
    }

    /// <summary>Authenticates with the cookies of a login session (<c>sessionid</c>, <c>csrftoken</c>), read at every handshake.</summary>
    public static MistStreamCredentials Cookies(CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        return new CookieCredentials(cookies);
    }

    /// <summary>The kind of credentials, never the secret.</summary>
    public abstract override string ToString();

    /// <summary>Puts the credentials on a handshake.</summary>
    internal abstract void Apply(ClientWebSocketOptions options);

    /// <summary>The literal secret to mask wherever text could carry it, or null.</summary>
    internal abstract string? Secret { get; }

    private sealed class TokenCredentials(string token) : MistStreamCredentials
    {
        internal override string? Secret => token;

        public override string ToString() => "Token(***)";

        internal override void Apply(ClientWebSocketOptions options) => options.SetRequestHeader("Authorization", "Token " + token);
    }

    private sealed class CookieCredentials(CookieContainer cookies) : MistStreamCredentials
    {
        internal override string? Secret => null;

        public override string ToString() => "Cookies(***)";

        internal override void Apply(ClientWebSocketOptions options) => options.Cookies = cookies;
    }
}
