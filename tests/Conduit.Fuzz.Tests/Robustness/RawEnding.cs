namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>How a raw response (bytes written straight to the socket) ends.</summary>
public enum RawEnding
{
    /// <summary>Close the connection after the bytes.</summary>
    Close,

    /// <summary>Keep the connection open and silent until the client gives up.</summary>
    Stall,

    /// <summary>Abort the connection (reset) after the bytes.</summary>
    Abort,
}
