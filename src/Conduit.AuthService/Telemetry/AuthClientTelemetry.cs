namespace Conduit.AuthService.Telemetry;

/// <summary>The names of the client's meter, instruments and tags.</summary>
public static class AuthClientTelemetry
{
    /// <summary>The meter name, <c>Conduit.AuthService</c>.</summary>
    public const string MeterName = "Conduit.AuthService";

    /// <summary>Counter of refresh requests sent to the server, tagged with <see cref="OutcomeTag"/>.</summary>
    public const string TokenRefreshes = "conduit.auth.token_refreshes";

    /// <summary>Tag: <c>success</c> or <c>failure</c>.</summary>
    public const string OutcomeTag = "outcome";
}
