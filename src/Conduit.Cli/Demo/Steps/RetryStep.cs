using Conduit.Http;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Injects 503s into half the site reads and shows every call still succeeding through retries.</summary>
internal sealed class RetryStep : IDemoStep
{
    private const int Calls = 20;

    public string Name => "retry";

    public string Title => "Retries survive injected server errors (half the site reads answer 503)";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        // Half the reads fail until 12 have failed; with 12 retries per call no call can run out of retries.
        var fault = new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [503], Probability = 0.5, Count = 12, PathPattern = "/api/v1/sites/*", Method = "GET" };
        var injectedBefore = sandbox.Faults.InjectedCount;
        sandbox.Faults.Add(fault);
        try
        {
            using var client = await environment.CreateMistClientAsync(o =>
            {
                o.Retry.MaxRetries = 12;
                o.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
                o.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
            }, cancellationToken).ConfigureAwait(false);
            var attempts = 0;
            for (var i = 0; i < Calls; i++)
            {
                var siteId = sandbox.Seed.SiteIds[i % sandbox.Seed.SiteIds.Count];
                var response = await client.SendAsync(ApiRequest.Get("sites/{0}", siteId), cancellationToken).ConfigureAwait(false);
                attempts += response.Attempts;
            }

            var injected = sandbox.Faults.InjectedCount - injectedBefore;
            var table = new Table().AddColumns("Calls", "Succeeded", "Attempts sent", "503s injected by the server");
            table.AddRow($"{Calls}", $"[green]{Calls}[/]", $"{attempts}", $"{injected}");
            environment.Console.Write(table);
            environment.Console.MarkupLine("Each 503 was retried with exponential backoff and jitter; GET is idempotent, so retrying is safe.");
            if (attempts != Calls + injected)
            {
                throw new InvalidOperationException($"Attempts ({attempts}) should equal calls ({Calls}) plus injected errors ({injected}).");
            }
        }
        finally
        {
            sandbox.Faults.Remove(fault);
        }
    }
}
