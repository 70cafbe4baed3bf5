namespace Conduit.Sandbox.Schemas;

/// <summary>What a synthesised value is for.</summary>
internal enum SynthesisPurpose
{
    /// <summary>A response body: examples first, optional properties to a bounded depth.</summary>
    Response,

    /// <summary>A request body: read-only properties left out, optional ones to a bounded depth.</summary>
    Request,

    /// <summary>The smallest valid value: required properties only, no examples.</summary>
    Minimal,
}
