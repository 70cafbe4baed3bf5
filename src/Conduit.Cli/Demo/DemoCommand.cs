using System.CommandLine;
using Conduit.Cli.Demo.Steps;
using Spectre.Console;

namespace Conduit.Cli.Demo;

/// <summary><c>conduit demo</c>: starts the embedded servers and walks through the product, step by step.</summary>
internal static class DemoCommand
{
    /// <summary>The steps in the order they run.</summary>
    public static IReadOnlyList<IDemoStep> Steps { get; } =
    [
        new ConnectStep(),
        new OrgsAndSitesStep(),
        new DevicePagingStep(),
        new RetryStep(),
        new ServerRateLimitStep(),
        new ClientRateLimitStep(),
        new AuthServiceStep(),
        new IntegrationsStep(),
        new StreamingStep(),
    ];

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var step = new Option<string?>("--step") { Description = "Runs only this step: " + string.Join(", ", Steps.Select(s => s.Name)) + "." };
        var list = new Option<bool>("--list") { Description = "Lists the steps and exits." };
        var command = new Command("demo", "Starts the embedded Mist sandbox and auth server and shows each capability end to end; exits 0 only if every step worked.")
        {
            step, list,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            if (result.GetValue(list))
            {
                foreach (var s in Steps)
                {
                    output.MarkupLineInterpolated($"[bold]{s.Name}[/]  {s.Title}");
                }

                return 0;
            }

            return await new DemoRunner(Steps).RunAsync(output, result.GetValue(step), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
