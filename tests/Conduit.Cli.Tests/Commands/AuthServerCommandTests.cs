using System.CommandLine;
using System.Text.RegularExpressions;
using Conduit.Cli.Commands;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Commands;

public sealed partial class AuthServerCommandTests
{
    [Fact]
    public async Task AuthServer_Started_ServesHealthUntilCancelled()
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { AuthServerCommand.Create(console) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = root.Parse(["auth-server", "--port", "0"]).InvokeAsync(cancellationToken: stop.Token);
        Assert.True(SpinWait.SpinUntil(() => Url().IsMatch(console.Output), 15_000), console.Output);
        using var http = new HttpClient();
        var health = await http.GetStringAsync(new Uri(new Uri(Url().Match(console.Output).Value), "health"), TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        Assert.Contains("\"status\"", health, StringComparison.Ordinal);
        Assert.Equal(0, await run);
        Assert.Contains("ephemeral signing key", console.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/")]
    private static partial Regex Url();
}
