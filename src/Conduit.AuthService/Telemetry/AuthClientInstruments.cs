using System.Diagnostics.Metrics;

namespace Conduit.AuthService.Telemetry;

/// <summary>The client's instruments, created from an <see cref="IMeterFactory"/> or a shared meter.</summary>
internal sealed class AuthClientInstruments
{
    private static readonly Meter SharedMeter = new(AuthClientTelemetry.MeterName);

    private AuthClientInstruments(Meter meter)
    {
        TokenRefreshes = meter.CreateCounter<long>(AuthClientTelemetry.TokenRefreshes, unit: "{refresh}", description: "Refresh requests sent to the auth service.");
    }

    public Counter<long> TokenRefreshes { get; }

    public static AuthClientInstruments Create(IMeterFactory? meterFactory) =>
        new(meterFactory?.Create(AuthClientTelemetry.MeterName) ?? SharedMeter);
}
