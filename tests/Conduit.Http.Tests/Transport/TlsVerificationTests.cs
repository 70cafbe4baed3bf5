using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conduit.Http.Tests.Infrastructure;
using Conduit.Http.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Http.Tests.Transport;

/// <summary>
/// TLS verification against a real HTTPS Kestrel server on loopback with a self-signed certificate: on by default,
/// and turning it off works but logs one warning per client (event 10), never one per call.
/// </summary>
public sealed class TlsVerificationTests
{
    private const int TlsWarningEventId = 10;

    [Fact]
    public async Task VerifyTls_Default_RejectsAnUntrustedCertificateWithoutWarning()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await StartHttpsAsync(certificate);
        var logs = new CapturingLoggerProvider();
        using var client = new ConduitClient(TestClients.FastOptions(server.Address, maxRetries: 0), logs);

        var ex = await Assert.ThrowsAsync<ApiConnectionException>(() => client.GetAsync("hello", TestContext.Current.CancellationToken));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Empty(TlsWarnings(logs));
    }

    [Fact]
    public async Task VerifyTls_Off_AcceptsTheCertificateAndWarnsOncePerClient()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await StartHttpsAsync(certificate);
        var logs = new CapturingLoggerProvider();
        var options = TestClients.FastOptions(server.Address);
        options.VerifyTls = false;

        using (var first = new ConduitClient(options, logs))
        {
            Assert.Equal("hello", (await first.GetAsync("hello", TestContext.Current.CancellationToken)).Text);
            Assert.Equal("hello", first.Get("hello", TestContext.Current.CancellationToken).Text);
            Assert.Equal("hello", (await first.GetAsync("hello", TestContext.Current.CancellationToken)).Text);
            var warning = Assert.Single(TlsWarnings(logs));
            Assert.Contains("test: TLS certificate verification is disabled", warning, StringComparison.Ordinal);
        }

        options.Name = "second";
        using var second = new ConduitClient(options, logs);
        second.Get("hello", TestContext.Current.CancellationToken);

        Assert.Equal(2, TlsWarnings(logs).Count);
        Assert.Contains(TlsWarnings(logs), line => line.Contains("second: TLS certificate verification is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerCertificateValidation_TrustOnlyThisCertificate_ConnectsWithoutWarning()
    {
        using var certificate = SelfSignedCertificate();
        using var other = SelfSignedCertificate();
        await using var server = await StartHttpsAsync(certificate);
        var logs = new CapturingLoggerProvider();
        var trusting = TestClients.FastOptions(server.Address, maxRetries: 0);
        trusting.VerifyTls = false;
        trusting.ServerCertificateValidation = HttpHandlerFactory.TrustOnly(certificate);
        var pinnedToOther = TestClients.FastOptions(server.Address, maxRetries: 0);
        pinnedToOther.ServerCertificateValidation = HttpHandlerFactory.TrustOnly(other);

        using var client = new ConduitClient(trusting, logs);
        using var wrongPin = new ConduitClient(pinnedToOther, logs);

        Assert.Equal("hello", (await client.GetAsync("hello", TestContext.Current.CancellationToken)).Text);
        await Assert.ThrowsAsync<ApiConnectionException>(() => wrongPin.GetAsync("hello", TestContext.Current.CancellationToken));
        Assert.Empty(TlsWarnings(logs));
    }

    [Fact]
    public async Task VerifyTls_OffThroughDependencyInjection_WarnsOnceForTheNamedClient()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await StartHttpsAsync(certificate);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddConduitClient("insecure", o =>
        {
            o.BaseAddress = server.Address;
            o.VerifyTls = false;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IConduitClientFactory>();

        Assert.Equal("hello", (await factory.GetClient("insecure").GetAsync("hello", TestContext.Current.CancellationToken)).Text);
        Assert.Equal("hello", factory.GetClient("insecure").Get("hello", TestContext.Current.CancellationToken).Text);

        Assert.Contains("insecure: TLS certificate verification is disabled", Assert.Single(TlsWarnings(logs)), StringComparison.Ordinal);
    }

    private static List<string> TlsWarnings(CapturingLoggerProvider logs) =>
        [.. logs.Lines.Where(static l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains($"[{TlsWarningEventId}]", StringComparison.Ordinal))];

    /// <summary>A certificate for 127.0.0.1 that no machine trusts.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=conduit-tls-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    private static async Task<HttpsServer> StartHttpsAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/hello", () => "hello");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpsServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record HttpsServer(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
