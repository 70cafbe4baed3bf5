namespace Conduit.Sandbox.Handlers;

/// <summary>What a stateful handler needs from authentication.</summary>
internal enum HandlerAccess
{
    /// <summary>Authenticated and past two-factor (the default for every operation).</summary>
    Authenticated,

    /// <summary>Authenticated; allowed while the session still owes a two-factor code (<c>/self</c>).</summary>
    AuthenticatedBeforeTwoFactor,

    /// <summary>No credentials needed and no CSRF check (<c>/login</c>).</summary>
    Anonymous,

    /// <summary>A session is needed (checked by the handler), allowed before two-factor (<c>/login/two_factor</c>, <c>/logout</c>).</summary>
    Session,
}
