using Conduit.Mist.Clouds;
using Conduit.Mist.Sessions;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>Options pointing at a sandbox.</summary>
internal static class SandboxSession
{
    public static MistSessionOptions Options(MistSandbox sandbox, Action<MistSessionOptions>? configure = null)
    {
        var options = new MistSessionOptions { Cloud = MistCloud.Custom(new Uri(sandbox.BaseUrl)), MaxRetries = 1 };
        options.ConfigureClient = c => c.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Advances fake time until <paramref name="task"/> completes (polling briefly for real I/O in between).</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(25, TestContext.Current.CancellationToken));
        }

        return await task;
    }
}
