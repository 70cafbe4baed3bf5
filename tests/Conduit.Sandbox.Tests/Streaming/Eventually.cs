namespace Conduit.Sandbox.Tests.Streaming;

/// <summary>Bounded polling for server-side effects that happen on another thread.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + StreamTestClient.Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Yield();
            await Task.Delay(5, SandboxTestHost.Token);
        }
    }
}
