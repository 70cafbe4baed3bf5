using Conduit.Http.Resilience;

namespace Conduit.Http.Tests.Infrastructure;

/// <summary>Options that keep tests fast and deterministic: tiny delays, no jitter.</summary>
public static class TestClients
{
    public static ConduitClientOptions FastOptions(Uri baseAddress, int maxRetries = 3) => new()
    {
        Name = "test",
        BaseAddress = baseAddress,
        Retry = new RetryOptions
        {
            MaxRetries = maxRetries,
            InitialDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            UseJitter = false,
        },
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
