using System.Text.Json;
using Conduit.Cli.Commands.Mist;
using Conduit.Mist.Credentials;

namespace Conduit.Cli.Tests.Mist;

public sealed class MistAccountCommandTests : IAsyncLifetime
{
    private MistCliHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await MistCliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Login_WithToken_KeepsItInTheKeyringForLaterCommands()
    {
        var login = await harness.RunAsync("login", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");
        var whoami = await harness.RunAsync("whoami", "--json", "--no-prompt");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains($"<{harness.Sandbox.Seed.Admin.Email}>", login.Output, StringComparison.Ordinal);
        Assert.Contains("keyring", login.Output, StringComparison.Ordinal);
        Assert.Equal(harness.Token, harness.Keyring.Items[(MistCliEnvironment.DefaultKeyringService, MistCredentialKeys.ApiToken)]);
        Assert.DoesNotContain(harness.Token, await File.ReadAllTextAsync(harness.LoginFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        using var json = JsonDocument.Parse(whoami.Output);
        Assert.Equal(harness.Sandbox.Seed.Admin.Email, json.RootElement.GetProperty("email").GetString());
        Assert.Equal("api_token", json.RootElement.GetProperty("auth").GetString());
        Assert.Equal(new Uri(harness.Sandbox.BaseUrl + "/"), new Uri(json.RootElement.GetProperty("host").GetString()!));
        Assert.Contains(json.RootElement.GetProperty("privileges").EnumerateArray(), p => p.GetProperty("org_id").GetString() == harness.Sandbox.Seed.OrgId);
        Assert.DoesNotContain(harness.Token, login.Output + whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutKeyring_KeepsTheTokenInAPrivateFile()
    {
        harness.KeyringFactory = () => new UnavailableKeyring("no keyring in this test");

        var login = await harness.RunAsync("login", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");
        var whoami = await harness.RunAsync("whoami", "--no-prompt");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("mode 0600", login.Output, StringComparison.Ordinal);
        Assert.Contains(harness.Token, await File.ReadAllTextAsync(harness.LoginFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.LoginFile));
        }

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains(harness.Sandbox.Seed.Admin.Email, whoami.Output, StringComparison.Ordinal);
        Assert.Contains("admin", whoami.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Token, login.Output + whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_AfterLogin_ForgetsEverythingSoCommandsNeedCredentialsAgain()
    {
        await harness.RunAsync("login", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");

        var logout = await harness.RunAsync("logout");
        var whoami = await harness.RunAsync("whoami", "--no-prompt");
        var again = await harness.RunAsync("logout", "--json");

        Assert.Equal(0, logout.ExitCode);
        Assert.Empty(harness.Keyring.Items);
        Assert.False(File.Exists(harness.LoginFile));
        Assert.Equal(3, whoami.ExitCode);
        Assert.Single(whoami.Output.Trim().Split('\n'));
        Assert.Contains(MistCredentialKeys.ApiToken, whoami.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        using var json = JsonDocument.Parse(again.Output);
        Assert.False(json.RootElement.GetProperty("forgotten").GetBoolean());
    }

    [Fact]
    public async Task Login_EmailAndPasswordWithoutKeyring_StoresNoPassword()
    {
        harness.KeyringFactory = () => new UnavailableKeyring("no keyring in this test");
        var admin = harness.Sandbox.Seed.Admin;

        var login = await harness.RunWithInputAsync(admin.Password + "\n", "login", "--host", harness.Sandbox.BaseUrl, "--user", admin.Email, "--password-stdin", "--no-prompt", "--json");
        var later = await harness.RunAsync("whoami", "--no-prompt");
        harness.Variables[MistCredentialKeys.Password] = admin.Password;
        var withPassword = await harness.RunAsync("whoami", "--no-prompt", "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        using (var json = JsonDocument.Parse(login.Output))
        {
            Assert.Equal("login", json.RootElement.GetProperty("auth").GetString());
            Assert.Equal("none", json.RootElement.GetProperty("stored_in").GetString());
        }

        var file = await File.ReadAllTextAsync(harness.LoginFile, TestContext.Current.CancellationToken);
        Assert.Contains(admin.Email, file, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.Password, file, StringComparison.Ordinal);
        Assert.Equal(3, later.ExitCode);
        Assert.Contains(MistCredentialKeys.Password, later.Output, StringComparison.Ordinal);
        Assert.True(withPassword.ExitCode == 0, withPassword.ToString());
        using (var json = JsonDocument.Parse(withPassword.Output))
        {
            Assert.Equal("login", json.RootElement.GetProperty("auth").GetString());
            Assert.Equal(admin.Email, json.RootElement.GetProperty("email").GetString());
        }

        Assert.DoesNotContain(admin.Password, login.Output + later.Output + withPassword.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EmailAndPasswordWithKeyring_KeepsThePasswordOnlyInTheKeyring()
    {
        var admin = harness.Sandbox.Seed.Admin;

        var login = await harness.RunWithInputAsync(admin.Password + "\n", "login", "--host", harness.Sandbox.BaseUrl, "--user", admin.Email, "--password-stdin", "--no-prompt");
        var whoami = await harness.RunAsync("whoami", "--no-prompt", "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(admin.Password, harness.Keyring.Items[(MistCliEnvironment.DefaultKeyringService, MistCredentialKeys.Password)]);
        Assert.DoesNotContain(admin.Password, await File.ReadAllTextAsync(harness.LoginFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.DoesNotContain(admin.Password, login.Output + whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TwoFactorCodeGivenOrAsked_LogsIn()
    {
        var user = harness.Sandbox.Seed.TwoFactorUser;
        string Code() => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(user.TotpSecret)).ComputeTotp(DateTime.UtcNow);

        var given = await harness.RunWithInputAsync(user.Password + "\n", "login", "--host", harness.Sandbox.BaseUrl, "--user", user.Email, "--password-stdin", "--2fa", Code(), "--no-prompt", "--json");
        var missing = await harness.RunWithInputAsync(user.Password + "\n", "whoami", "--host", harness.Sandbox.BaseUrl, "--user", user.Email, "--password-stdin", "--no-prompt");
        var prompt = new AnsweringPrompt(label => label.Contains("two-factor", StringComparison.OrdinalIgnoreCase) ? Code() : throw new InvalidOperationException(label));
        harness.Prompt = prompt;
        var asked = await harness.RunWithInputAsync(user.Password + "\n", "whoami", "--host", harness.Sandbox.BaseUrl, "--user", user.Email, "--password-stdin", "--json");

        Assert.True(given.ExitCode == 0, given.ToString());
        using (var json = JsonDocument.Parse(given.Output))
        {
            Assert.Equal(user.Email, json.RootElement.GetProperty("email").GetString());
            Assert.Equal("login", json.RootElement.GetProperty("auth").GetString());
        }

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("--2fa", missing.Output, StringComparison.Ordinal);
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.Single(prompt.Asked);
        Assert.DoesNotContain(user.Password, given.Output + missing.Output + asked.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_BadToken_ExitsThreeWithOneLineAndNoSecret()
    {
        const string bad = "not-a-valid-token-0123456789";

        var run = await harness.RunAsync("whoami", "--host", harness.Sandbox.BaseUrl, "--token", bad, "--no-prompt");
        var json = await harness.RunAsync("whoami", "--host", harness.Sandbox.BaseUrl, "--token", bad, "--no-prompt", "--json", "--verbose");

        Assert.Equal(3, run.ExitCode);
        Assert.Single(run.Output.Trim().Split('\n'));
        Assert.Contains("error:", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(document.RootElement.GetProperty("details").EnumerateArray(), d => d.GetString()!.Contains("arguments (ApiTokens)", StringComparison.Ordinal));
        Assert.DoesNotContain(bad, run.Output + json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_StoredLoginForAnotherHost_RefusesToSendTheToken()
    {
        await harness.RunAsync("login", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");

        var run = await harness.RunAsync("whoami", "--host", "api.eu.mist.com", "--no-prompt");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("stored login is for", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_CredentialsFromEnvFile_Work()
    {
        var envFile = Path.Combine(harness.ConfigDirectory, "mist.env");
        Directory.CreateDirectory(harness.ConfigDirectory);
        await File.WriteAllTextAsync(envFile, $"MIST_HOST={harness.Sandbox.BaseUrl}\nMIST_APITOKEN={harness.Token}\n", TestContext.Current.CancellationToken);

        var run = await harness.RunAsync("whoami", "--env-file", envFile, "--no-prompt", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(harness.Sandbox.Seed.Admin.Email, json.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Whoami_MalformedSetting_ExitsTwoNamingSourceAndKey()
    {
        harness.Variables[MistCredentialKeys.Timeout] = "soon";

        var run = await harness.RunAsync("whoami", "--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(MistCredentialKeys.Timeout, run.Output, StringComparison.Ordinal);
        Assert.Contains("environment", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Whoami_BadHost_ExitsTwo()
    {
        var run = await harness.RunAsync("whoami", "--host", "not a host!", "--token", harness.Token, "--no-prompt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--host", run.Output, StringComparison.Ordinal);
    }
}
