namespace Conduit.Mist.Clouds;

/// <summary>The region a Mist cloud serves.</summary>
public enum MistCloudRegion
{
    /// <summary>A host that is not one of the public Mist clouds (a sandbox, a proxy, a private instance).</summary>
    Custom,

    /// <summary>Global 01 to 05.</summary>
    Global,

    /// <summary>EMEA 01 to 04.</summary>
    Emea,

    /// <summary>APAC 01 to 03.</summary>
    Apac,
}
