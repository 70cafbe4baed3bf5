using System.Diagnostics;
using Spectre.Console;

namespace Conduit.Cli.Demo;

/// <summary>Runs demo steps in order, reports each one's outcome and time, and returns the exit code.</summary>
internal sealed class DemoRunner(IReadOnlyList<IDemoStep> steps)
{
    /// <summary>Runs every step, or only the one named; 0 when all worked, 1 when one failed, 2 for an unknown name.</summary>
    public async Task<int> RunAsync(IAnsiConsole console, string? only, CancellationToken cancellationToken)
    {
        var selected = only is null ? steps : steps.Where(s => s.Name.Equals(only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (selected.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]No demo step is named '{only}'.[/] Steps: {string.Join(", ", steps.Select(s => s.Name))}.");
            return 2;
        }

        await using var environment = new DemoEnvironment(console);
        var results = new List<(IDemoStep Step, bool Ok, TimeSpan Elapsed, string? Error)>();
        var total = Stopwatch.StartNew();
        foreach (var step in selected)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(step.Title)}[/]") { Justification = Justify.Left });
            var watch = Stopwatch.StartNew();
            try
            {
                await step.RunAsync(environment, cancellationToken).ConfigureAwait(false);
                results.Add((step, true, watch.Elapsed, null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                console.MarkupLineInterpolated($"[red]✗ {step.Name} failed:[/] {ex.Message}");
                results.Add((step, false, watch.Elapsed, ex.Message));
            }

            console.WriteLine();
        }

        var summary = new Table().Title("Demo summary").AddColumns("Step", "Result", "Time");
        foreach (var (step, ok, elapsed, _) in results)
        {
            summary.AddRow(Markup.Escape(step.Name), ok ? "[green]ok[/]" : "[red]failed[/]", $"{elapsed.TotalSeconds:F2} s");
        }

        console.Write(summary);
        var failed = results.Count(r => !r.Ok);
        console.MarkupLineInterpolated($"{results.Count - failed} of {results.Count} steps worked in {total.Elapsed.TotalSeconds:F1} s.");
        return failed == 0 ? 0 : 1;
    }
}
