using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;

namespace Conduit.Mist.Tests.Credentials;

public sealed class KeyringCredentialSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Read_StoredItems_AreReadByKey()
    {
        var keyring = new FakeKeyring();
        keyring.SetPassword("conduit-mist", "MIST_HOST", "api.ac5.mist.com", Ct);
        keyring.SetPassword("conduit-mist", "MIST_API_TOKEN", "keyring-token", Ct);
        keyring.SetPassword("other-service", "MIST_USER", "not-mine", Ct);
        var source = new KeyringCredentialSource(keyring, "conduit-mist");

        var reading = source.Read(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("api.ac5.mist.com", reading.Credentials.Host);
        Assert.Equal(["keyring-token"], reading.Credentials.ApiTokens);
        Assert.Equal("MIST_API_TOKEN", reading.KeyOf(MistCredentialFields.ApiTokens));
        Assert.Null(reading.Credentials.User);
        Assert.Equal("keyring 'conduit-mist' (fake keyring)", source.Name);
    }

    [Fact]
    public async Task ReadAsync_OnlyMissingDefaultFields_AreLookedUp()
    {
        var keyring = new FakeKeyring();
        var source = new KeyringCredentialSource(keyring, "svc");

        await source.ReadAsync(new MistCredentialRequest(MistCredentialFields.Password | MistCredentialFields.Timeout, MistCredentialFields.User), Ct);

        Assert.Equal(["MIST_PASSWORD"], keyring.Lookups);
    }

    [Fact]
    public async Task SaveAsync_ThenRead_RoundTripsEveryField()
    {
        var keyring = new FakeKeyring();
        var source = new KeyringCredentialSource(keyring, "svc", MistCredentialFields.All);
        var saved = new MistCredentials
        {
            Host = "http://127.0.0.1:5123",
            ApiTokens = ["t-1", "t-2"],
            OrgId = "203d3d02-0000-4000-8000-76896a3330f4",
            Timeout = TimeSpan.FromSeconds(7.5),
            ConsoleLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            Proxy = new Uri("http://proxy.local:3128"),
        };

        await source.SaveAsync(saved, Ct);
        var read = (await source.ReadAsync(MistCredentialRequest.AllFields, Ct)).Credentials;

        Assert.Equal("t-1,t-2", keyring.Items[("svc", "MIST_APITOKEN")]);
        Assert.Equal(saved.Host, read.Host);
        Assert.Equal(saved.ApiTokens, read.ApiTokens);
        Assert.Equal(saved.OrgId, read.OrgId);
        Assert.Equal(saved.Timeout, read.Timeout);
        Assert.Equal(saved.ConsoleLogLevel, read.ConsoleLogLevel);
        Assert.Equal(saved.Proxy, read.Proxy);
    }

    [Fact]
    public void Forget_Authentication_RemovesEveryNameOfTheFields()
    {
        var keyring = new FakeKeyring();
        keyring.SetPassword("svc", "MIST_APITOKEN", "a", Ct);
        keyring.SetPassword("svc", "MIST_API_TOKEN", "b", Ct);
        keyring.SetPassword("svc", "MIST_HOST", "api.mist.com", Ct);
        var source = new KeyringCredentialSource(keyring, "svc");

        source.Forget(MistCredentialFields.Authentication, Ct);

        Assert.Equal([("svc", "MIST_HOST")], keyring.Items.Keys);
    }

    [Fact]
    public void Read_UnavailableKeyring_ReportsWhyAndWhichKey()
    {
        var source = new KeyringCredentialSource(new UnavailableKeyring("secret-tool is not installed (Debian package libsecret-tools)."), "svc");

        var ex = Assert.Throws<MistCredentialException>(() => source.Read(MistCredentialRequest.AllFields, Ct));

        Assert.Equal("MIST_HOST in keyring 'svc' (no keyring): secret-tool is not installed (Debian package libsecret-tools).", ex.Message);
        Assert.IsType<KeyringUnavailableException>(ex.InnerException);
    }

    [Fact]
    public void Create_SecretToolNotOnPath_ReturnsUnavailableKeyringNamingThePackage()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The Secret Service keyring is the Linux one.");

        var keyring = SystemKeyring.Create(new SecretServiceKeyringOptions { ExecutablePath = "/nonexistent/secret-tool" });

        var unavailable = Assert.IsType<UnavailableKeyring>(keyring);
        Assert.Contains("libsecret-tools", unavailable.Reason, StringComparison.Ordinal);
        Assert.Throws<KeyringUnavailableException>(() => keyring.GetPassword("svc", "MIST_HOST", Ct));
    }

    [Fact]
    public void WindowsKeyring_NotOnWindows_ThrowsUnavailable()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "On Windows the Credential Manager is real.");

        var ex = Assert.Throws<KeyringUnavailableException>(() => new WindowsCredentialManagerKeyring().GetPassword("svc", "MIST_APITOKEN", Ct));

        Assert.Contains("only on Windows", ex.Message, StringComparison.Ordinal);
        Assert.Equal("MIST_APITOKEN@svc", WindowsCredentialManagerKeyring.Target("svc", "MIST_APITOKEN"));
    }

    [Fact]
    public void MacKeychainQuote_QuotesAndBackslashes_AreEscaped()
    {
        Assert.Equal("\"a\\\"b\\\\c d\"", MacKeychainKeyring.Quote("a\"b\\c d"));
    }
}
