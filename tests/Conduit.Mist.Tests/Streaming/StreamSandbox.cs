using Conduit.Mist.Streaming;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Streaming;

/// <summary>An embedded sandbox for stream tests, stream options for it, and bounded waits.</summary>
internal static class StreamSandbox
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static Task<MistSandbox> StartAsync(Action<MistSandboxOptions>? configure = null)
    {
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 3, DeviceCount = 30, StreamInterval = TimeSpan.Zero };
        configure?.Invoke(options);
        return MistSandbox.StartAsync(options, Token);
    }

    /// <summary>Options with the sandbox's first token (or <paramref name="token"/>) and fast reconnects.</summary>
    public static MistStreamOptions Options(MistSandbox sandbox, string? token = null) => new()
    {
        Url = new Uri(sandbox.StreamUrl),
        Credentials = MistStreamCredentials.Token(token ?? sandbox.Seed.Tokens[0]),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        CloseTimeout = TimeSpan.FromSeconds(2),
    };

    public static string Site(MistSandbox sandbox, int index = 0) => sandbox.Seed.SiteIds[index];

    /// <summary>Polls <paramref name="condition"/> until true, failing after <see cref="Timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Delay(5, Token);
        }
    }

    /// <summary>Waits for a task, failing after <see cref="Timeout"/>.</summary>
    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Timeout, Token);

    /// <inheritdoc cref="Within{T}(Task{T})"/>
    public static Task Within(Task task) => task.WaitAsync(Timeout, Token);
}
