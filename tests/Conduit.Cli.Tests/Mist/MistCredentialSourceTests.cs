using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Mist.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Cli.Tests.Mist;

/// <summary>Credentials from Vault (a KV v2 stand-in on loopback) and the precedence between sources.</summary>
public sealed class MistCredentialSourceTests : IAsyncLifetime
{
    private const string VaultToken = "vault-token-0123456789";
    private MistCliHarness harness = null!;
    private WebApplication vault = null!;
    private string vaultUrl = null!;

    public async ValueTask InitializeAsync()
    {
        harness = await MistCliHarness.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        vault = builder.Build();
        vault.MapGet("/v1/kv/data/mist/credentials", (HttpContext context) => context.Request.Headers["X-Vault-Token"] == VaultToken
            ? Results.Text(new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["data"] = new JsonObject { ["MIST_HOST"] = harness.Sandbox.BaseUrl, ["MIST_APITOKEN"] = harness.Token },
                    ["metadata"] = new JsonObject { ["version"] = 1 },
                },
            }.ToJsonString(), "application/json")
            : Results.Json(new { errors = new[] { "permission denied" } }, statusCode: 403));
        await vault.StartAsync(TestContext.Current.CancellationToken);
        vaultUrl = vault.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await vault.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task Whoami_CredentialsFromVault_Work()
    {
        harness.Variables[MistCredentialKeys.VaultToken] = VaultToken;

        var run = await harness.RunAsync("whoami", "--vault-url", vaultUrl, "--vault-path", "mist/credentials", "--vault-mount", "kv", "--no-prompt", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(harness.Sandbox.Seed.Admin.Email, json.RootElement.GetProperty("email").GetString());
        Assert.DoesNotContain(harness.Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_VaultRefusesItsToken_ExitsThreeNamingVault()
    {
        harness.Variables[MistCredentialKeys.VaultToken] = "wrong-vault-token-000";

        var run = await harness.RunAsync("whoami", "--vault-url", vaultUrl, "--vault-path", "mist/credentials", "--vault-mount", "kv", "--no-prompt");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Vault", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Trim().Split('\n'));
        Assert.DoesNotContain("wrong-vault-token-000", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_EnvironmentBeatsVault_FieldByField()
    {
        // The environment's token wins; the host still comes from Vault, the next source that has one.
        harness.Variables[MistCredentialKeys.VaultToken] = VaultToken;
        harness.Variables[MistCredentialKeys.ApiToken] = "env-token-that-is-wrong-42";

        var run = await harness.RunAsync("whoami", "--vault-url", vaultUrl, "--vault-path", "mist/credentials", "--vault-mount", "kv", "--no-prompt", "--verbose");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("ApiTokens: environment (MIST_APITOKEN)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Host: Vault", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("env-token-that-is-wrong-42", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_NothingAnywhere_ExitsThreeSayingWhatToSet()
    {
        var run = await harness.RunAsync("whoami", "--no-prompt");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("No Mist credentials were found: set MIST_APITOKEN", run.Output, StringComparison.Ordinal);
    }
}
