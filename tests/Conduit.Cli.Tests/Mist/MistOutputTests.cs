using System.CommandLine;
using Conduit.Cli.Commands;
using Conduit.Cli.Commands.Mist;
using Spectre.Console;

namespace Conduit.Cli.Tests.Mist;

public sealed class MistOutputTests : IAsyncLifetime
{
    private const string Escape = "\u001b[";
    private MistCliHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await MistCliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task NoColor_Set_NothingIsStyled()
    {
        var styled = await RunOnTerminalAsync(noColor: false);
        var plain = await RunOnTerminalAsync(noColor: true);

        Assert.Contains(Escape, styled, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain, StringComparison.Ordinal);
        Assert.Contains("error:", plain, StringComparison.Ordinal);
        Assert.Contains(harness.Sandbox.Seed.OrgId, plain, StringComparison.Ordinal);
    }

    [Fact]
    public void CliConsole_Redirected_NeverStyledNorInteractive()
    {
        using var writer = new StringWriter();

        var console = CliConsole.Create(writer, isTerminal: false, inputIsTerminal: true, _ => null, AnsiSupport.Yes);
        console.MarkupLine("[red bold]x[/]");

        Assert.Equal("x", writer.ToString().Trim());
        Assert.False(console.Profile.Capabilities.Interactive);
        Assert.False(CliConsole.CanShowLiveDisplay(console));
    }

    /// <summary>An orgs table and an error, on a console made like the process's for a terminal that understands ANSI.</summary>
    private async Task<string> RunOnTerminalAsync(bool noColor)
    {
        using var writer = new StringWriter();
        var variables = new Dictionary<string, string?> { ["NO_COLOR"] = noColor ? "1" : null };
        var console = CliConsole.Create(writer, isTerminal: true, inputIsTerminal: false, name => variables.GetValueOrDefault(name), AnsiSupport.Yes);
        var ok = await harness.RunAsync(console, string.Empty, TestContext.Current.CancellationToken, "orgs", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");
        var failed = await harness.RunAsync(console, string.Empty, TestContext.Current.CancellationToken, "orgs", "--host", harness.Sandbox.BaseUrl, "--token", "wrong-token-123456", "--no-prompt");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(3, failed.ExitCode);
        return writer.ToString();
    }
}
