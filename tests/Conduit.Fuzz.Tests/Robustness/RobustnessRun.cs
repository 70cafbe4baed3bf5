using System.Collections.Concurrent;
using Conduit.Fuzz.Tests.Infrastructure;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// Sends a batch of random requests to one server, counts them by class and answer, and collects every 5xx and every
/// dropped connection (each described by class, method and route template — never the values sent).
/// </summary>
internal sealed class RobustnessRun(FuzzReport report, string target)
{
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>The 5xx answers and dropped connections seen.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public async Task SendAllAsync(RequestSender sender, IEnumerable<FuzzRequest> requests, int parallelism = 8)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(requests, options, async (request, token) =>
        {
            var (outcome, status) = await sender.SendAsync(request, token);
            if (status == 505 && request.Raw is not null)
            {
                // Kestrel's answer to a request line naming an HTTP version it does not speak (HTTP/9.9): the status
                // RFC 9110 §15.6.6 prescribes, given before any application code runs. Counted apart, not as a failure.
                outcome = "505 for an unsupported HTTP version";
            }

            report.Answer(target, request.Class, outcome);
            if (status >= 500 && outcome != "505 for an unsupported HTTP version")
            {
                var description = $"{target}: {status} for {request}";
                report.ServerError(description);
                _failures.Enqueue(description);
            }
            else if (status is null)
            {
                var description = $"{target}: {outcome} for {request}";
                report.Crash(description);
                _failures.Enqueue(description);
            }
        });
    }

    /// <summary>Prints the figures of this target to the test output.</summary>
    public void Print()
    {
        var output = TestContext.Current.TestOutputHelper!;
        foreach (var line in report.Describe(target))
        {
            output.WriteLine(line);
        }

        foreach (var failure in _failures.Take(20))
        {
            output.WriteLine("FAILURE " + failure);
        }
    }
}
