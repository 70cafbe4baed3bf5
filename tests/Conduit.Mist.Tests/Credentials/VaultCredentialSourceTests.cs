using System.Text.Json.Nodes;
using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;

namespace Conduit.Mist.Tests.Credentials;

public sealed class VaultCredentialSourceTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string VaultToken = "hvs.test-vault-token-0123456789";
    private VaultTestServer _vault = null!;

    public async ValueTask InitializeAsync()
    {
        _vault = await VaultTestServer.StartAsync(VaultToken);
        _vault.Put("secret", "mist/credentials", new JsonObject
        {
            ["MIST_HOST"] = "api.gc1.mist.com",
            ["MIST_APITOKEN"] = "vault-token-1,vault-token-2",
            ["MIST_TIMEOUT"] = 20,
            ["MIST_MAX_RETRIES"] = 4,
            ["unrelated"] = "ignored",
        });
        _vault.Put("kv", "teams/net", new JsonObject { ["MIST_API_TOKEN"] = new JsonArray("a-token", "b-token"), ["MIST_USER"] = null });
    }

    public ValueTask DisposeAsync() => _vault.DisposeAsync();

    private VaultCredentialSource Source(string? token = null, string mount = "secret", string path = "mist/credentials", int? version = null) =>
        new(new VaultCredentialSourceOptions
        {
            Address = _vault.Address,
            Token = token ?? VaultToken,
            MountPoint = mount,
            Path = path,
            Version = version,
            MaxRetries = 0,
        });

    [Fact]
    public async Task ReadAsync_KvV2Secret_ReadsFieldsByEnvironmentName()
    {
        var reading = await Source().ReadAsync(MistCredentialRequest.AllFields, Ct);

        var c = reading.Credentials;
        Assert.Equal("api.gc1.mist.com", c.Host);
        Assert.Equal(["vault-token-1", "vault-token-2"], c.ApiTokens);
        Assert.Equal(TimeSpan.FromSeconds(20), c.Timeout);
        Assert.Equal(4, c.MaxRetries);
        Assert.Equal("/v1/secret/data/mist/credentials", Assert.Single(_vault.RequestPaths));
    }

    [Fact]
    public void Read_Synchronous_ReadsTheSameSecret()
    {
        var reading = Source().Read(new MistCredentialRequest(MistCredentialFields.ApiTokens, MistCredentialFields.None), Ct);

        Assert.Equal(["vault-token-1", "vault-token-2"], reading.Credentials.ApiTokens);
        Assert.Equal(MistCredentialFields.ApiTokens, reading.Credentials.PresentFields);
    }

    [Fact]
    public async Task ReadAsync_ArrayOfTokensAndNullField_JoinsTokensAndSkipsNull()
    {
        var reading = await Source(mount: "kv", path: "teams/net").ReadAsync(MistCredentialRequest.AllFields, Ct);

        Assert.Equal(["a-token", "b-token"], reading.Credentials.ApiTokens);
        Assert.Null(reading.Credentials.User);
    }

    [Fact]
    public async Task ReadAsync_ApiFormPathAndVersion_AreNormalised()
    {
        await Source(path: "secret/data/mist/credentials", version: 3).ReadAsync(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("/v1/secret/data/mist/credentials?version=3", Assert.Single(_vault.RequestPaths));
    }

    [Fact]
    public async Task ReadAsync_BadToken_ReportsRefusalWithoutTheToken()
    {
        const string wrongToken = "hvs.wrong-token-must-not-leak";
        var logs = new CredentialLogCapture();
        var source = new VaultCredentialSource(new VaultCredentialSourceOptions { Address = _vault.Address, Token = wrongToken, Path = "mist/credentials", MaxRetries = 0 }, logs);

        var ex = await Assert.ThrowsAsync<MistCredentialException>(() => source.ReadAsync(MistCredentialRequest.AllFields, Ct).AsTask());

        Assert.Contains("Vault refused the token (403)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'secret/mist/credentials'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, logs.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
    }

    [Fact]
    public void Read_MissingPath_Reports404()
    {
        var ex = Assert.Throws<MistCredentialException>(() => Source(path: "mist/absent").Read(MistCredentialRequest.AllFields, Ct));

        Assert.Equal($"Vault secret 'secret/mist/absent' at {_vault.Address.GetLeftPart(UriPartial.Authority)}: no such secret (404); check MIST_VAULT_MOUNT_POINT and MIST_VAULT_PATH.", ex.Message);
    }

    [Fact]
    public void Constructor_NoTokenNoPath_ListsEveryProblem()
    {
        var ex = Assert.Throws<MistCredentialException>(() => new VaultCredentialSource(new VaultCredentialSourceOptions()));

        Assert.Equal("The Vault settings are invalid: Token is required (set MIST_VAULT_TOKEN). Path is required (set MIST_VAULT_PATH).", ex.Message);
    }

    [Fact]
    public void FromVariables_MistAndVaultNames_BuildOptions()
    {
        var variables = new Dictionary<string, string>
        {
            ["MIST_VAULT_URL"] = "http://vault.local:8200",
            ["MIST_VAULT_PATH"] = "mist/prod",
            ["MIST_VAULT_MOUNT_POINT"] = "kv",
            ["VAULT_TOKEN"] = "fallback-token",
        };

        var options = VaultCredentialSourceOptions.FromVariables(variables.GetValueOrDefault)!;

        Assert.Equal(new Uri("http://vault.local:8200"), options.Address);
        Assert.Equal("mist/prod", options.Path);
        Assert.Equal("kv", options.MountPoint);
        Assert.Equal("fallback-token", options.Token);
        Assert.Null(VaultCredentialSourceOptions.FromVariables(_ => null));
    }
}
