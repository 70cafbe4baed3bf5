using System.CommandLine;
using Conduit.Cli.Demo;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(120);
        var root = new RootCommand { DemoCommand.Create(console) };
        var exitCode = await root.Parse(["demo", .. args]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exitCode, console.Output);
    }

    [Fact]
    public async Task Demo_AllSteps_ExitZeroAndReportEveryStep()
    {
        var (exitCode, output) = await RunAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{DemoCommand.Steps.Count} of {DemoCommand.Steps.Count} steps worked", output, StringComparison.Ordinal);
        foreach (var step in DemoCommand.Steps)
        {
            Assert.Contains(step.Title, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_OneStep_RunsOnlyThatStep()
    {
        var (exitCode, output) = await RunAsync("--step", "connect");

        Assert.Equal(0, exitCode);
        Assert.Contains("1 of 1 steps worked", output, StringComparison.Ordinal);
        Assert.Contains("Signed in as", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_UnknownStep_ExitsTwoListingTheSteps()
    {
        var (exitCode, output) = await RunAsync("--step", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("No demo step is named 'nope'", output, StringComparison.Ordinal);
        Assert.Contains("connect", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Output_ContainsNoSandboxSecret()
    {
        await using var sandbox = await Conduit.Sandbox.MistSandbox.StartAsync(DemoEnvironment.CreateSandboxOptions(), TestContext.Current.CancellationToken);
        var (_, output) = await RunAsync("--step", "connect");

        // Same options, same deterministic seed: these are the demo's own token and password.
        Assert.DoesNotContain(sandbox.Seed.Tokens[0], output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Seed.Admin.Password, output, StringComparison.Ordinal);
    }
}
