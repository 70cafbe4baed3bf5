using System.Diagnostics;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>The sandbox answers 429 with <c>Retry-After: 1</c>; the client waits that long and succeeds.</summary>
internal sealed class ServerRateLimitStep : IDemoStep
{
    public string Name => "server-429";

    public string Title => "A 429 with Retry-After is honoured";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        var burst = new MistSandboxFault { Kind = MistSandboxFaultKind.RateLimitBurst, Count = 1, Delay = TimeSpan.FromSeconds(1), PathPattern = "/api/v1/self" };
        sandbox.Faults.Add(burst);
        try
        {
            using var client = await environment.CreateMistClientAsync(null, cancellationToken).ConfigureAwait(false);
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync("self", cancellationToken).ConfigureAwait(false);
            environment.Console.MarkupLineInterpolated($"First attempt: [yellow]429 Too Many Requests, Retry-After: 1[/]; the client waited and its second attempt answered {(int)response.StatusCode} after {watch.Elapsed.TotalSeconds:F2} s ({response.Attempts} attempts).");
            if (response.Attempts != 2 || watch.Elapsed < TimeSpan.FromSeconds(0.95))
            {
                throw new InvalidOperationException($"Expected 2 attempts at least 1 s apart, saw {response.Attempts} in {watch.Elapsed.TotalSeconds:F2} s.");
            }
        }
        finally
        {
            sandbox.Faults.Remove(burst);
        }
    }
}
