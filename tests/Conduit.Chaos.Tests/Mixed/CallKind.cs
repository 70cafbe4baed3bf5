namespace Conduit.Chaos.Tests.Mixed;

/// <summary>The four kinds of call in the mixed workload.</summary>
internal enum CallKind
{
    /// <summary>GET a site: safe, retried on any retryable failure.</summary>
    Get,

    /// <summary>PUT a site's notes: idempotent, retried on any retryable failure.</summary>
    Put,

    /// <summary>POST a new site with an <c>Idempotency-Key</c>: retried, the server recognises repeats.</summary>
    PostWithKey,

    /// <summary>POST a new WLAN without a key: retried only when it cannot have reached the server.</summary>
    PostWithoutKey,
}
