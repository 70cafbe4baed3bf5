using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Conduit.AuthServer;
using Conduit.Cli.Commands.Auth;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Commands;

public sealed class AuthCommandTests : IAsyncLifetime
{
    private const string Password = "Str0ng-Pass!word";
    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), $"conduit-tokens-{Guid.NewGuid():N}.json");
    private AuthServerHost _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await AuthServerHost.StartAsync(new AuthServerOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), PasswordHashIterations = 10 });

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_tokenFile);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string stdin, params string[] args)
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { AuthCommand.Create(console, new StringReader(stdin)) };
        var exit = await root.Parse(["auth", .. args, "--url", _server.BaseUrl.ToString(), "--token-file", _tokenFile]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, console.Output);
    }

    [Fact]
    public async Task Auth_RegisterMeLogout_KeepsASessionInAPrivateFile()
    {
        var (registered, registerOutput) = await RunAsync(Password + "\n", "register", "--email", "grace@example.com", "--first-name", "Grace", "--last-name", "Hopper", "--password-stdin");
        var (meExit, meOutput) = await RunAsync(string.Empty, "me", "--json");
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(_tokenFile);
        var (logoutExit, _) = await RunAsync(string.Empty, "logout");
        var (afterExit, afterOutput) = await RunAsync(string.Empty, "me");

        Assert.Equal(0, registered);
        Assert.Contains("Signed in as Grace Hopper", registerOutput, StringComparison.Ordinal);
        Assert.Equal(0, meExit);
        using var json = JsonDocument.Parse(meOutput);
        Assert.Equal("grace@example.com", json.RootElement.GetProperty("email").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(0, logoutExit);
        Assert.Equal(3, afterExit);
        Assert.Contains("error:", afterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, registerOutput + meOutput + afterOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_LoginWithWrongPassword_ExitsThreeWithOneLine()
    {
        await RunAsync(Password + "\n", "register", "--email", "alan@example.com", "--first-name", "Alan", "--last-name", "Turing", "--password-stdin");

        var (exit, output) = await RunAsync("Wrong-Pass-123!\n", "login", "--email", "alan@example.com", "--password-stdin");

        Assert.Equal(3, exit);
        Assert.Single(output.Trim().Split('\n'));
        Assert.DoesNotContain("Wrong-Pass-123!", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_LoginWithoutTerminalOrStdin_ExitsTwoExplaining()
    {
        var (exit, output) = await RunAsync(string.Empty, "login", "--email", "x@example.com");

        Assert.Equal(2, exit);
        Assert.Contains("--password-stdin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_DuplicateRegistration_ExitsOneWithTheServerMessage()
    {
        await RunAsync(Password + "\n", "register", "--email", "ada@example.com", "--first-name", "Ada", "--last-name", "L", "--password-stdin");

        var (exit, output) = await RunAsync(Password + "\n", "register", "--email", "ada@example.com", "--first-name", "Ada", "--last-name", "L", "--password-stdin", "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
    }
}
