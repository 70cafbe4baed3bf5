namespace Conduit.Mist.Sessions;

/// <summary>How a <see cref="MistSession"/> authenticates.</summary>
public enum MistAuthenticationMode
{
    /// <summary>API tokens when any is set, else a login with email and password.</summary>
    Auto,

    /// <summary>One or more API tokens (<c>Authorization: Token …</c>), validated and rotated.</summary>
    ApiToken,

    /// <summary>A login with email and password (and a two-factor code when the account needs one): session and CSRF cookies.</summary>
    Login,

    /// <summary>HTTP basic authentication with email and password on every call (accounts without two-factor only).</summary>
    Basic,
}
