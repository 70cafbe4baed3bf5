using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Conduit.Sandbox.Tests.Hosting;

public sealed class HttpsTests
{
    [Fact]
    public async Task Https_ClientTrustingOnlyThePem_GetsSelf()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.EnableHttps = true);
        Assert.NotNull(sandbox.HttpsBaseUrl);
        Assert.StartsWith("https://127.0.0.1:", sandbox.HttpsBaseUrl, StringComparison.Ordinal);
        var pem = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(sandbox.CertificatePemPath!, SandboxTestHost.Token));
        var names = pem.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(pem);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate!);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(sandbox.HttpsBaseUrl) };
        client.DefaultRequestHeaders.Add("Authorization", $"Token {sandbox.Seed.Tokens[0]}");
        using var response = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Https_DefaultTrust_RejectsTheSelfSignedCertificate()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.EnableHttps = true);
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.HttpsBaseUrl!) };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v1/self", SandboxTestHost.Token));
    }

    [Fact]
    public async Task Dispose_TemporaryPem_IsDeleted()
    {
        string path;
        await using (var sandbox = await SandboxTestHost.StartAsync(o => o.EnableHttps = true))
        {
            path = sandbox.CertificatePemPath!;
            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task InfoJson_ListsUrlsTokensIdsAndUsers()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.EnableHttps = true);
        var info = System.Text.Json.Nodes.JsonNode.Parse(sandbox.ToInfoJson())!;
        Assert.Equal(sandbox.BaseUrl, (string?)info["http"]);
        Assert.Equal(sandbox.HttpsBaseUrl, (string?)info["https"]);
        Assert.Equal(sandbox.CertificatePemPath, (string?)info["certificatePemPath"]);
        Assert.Equal(sandbox.Seed.Tokens[0], (string?)info["tokens"]![0]);
        Assert.Equal(sandbox.Seed.OrgId, (string?)info["orgId"]);
        Assert.Equal(3, info["users"]!.AsArray().Count);
        Assert.Equal(sandbox.Seed.TwoFactorUser.TotpSecret, (string?)info["users"]![1]!["totpSecret"]);
    }
}
