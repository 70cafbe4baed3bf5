using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;

namespace Conduit.Mist.Tests.Credentials;

/// <summary>Real Secret Service round trips through secret-tool, on a private D-Bus session with an unlocked gnome-keyring.</summary>
public sealed class SecretServiceKeyringTests(SecretServiceFixture fixture) : IClassFixture<SecretServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void SkipWhenUnavailable() => Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);

    [Fact]
    public async Task SetPasswordAsync_ThenGetPasswordAsync_ReturnsTheSecret()
    {
        SkipWhenUnavailable();
        var keyring = new SecretServiceKeyring(fixture.Options);
        var service = "conduit-test-" + Guid.NewGuid().ToString("N");
        const string secret = "real-keyring-token-äö-0123456789";

        await keyring.SetPasswordAsync(service, "MIST_APITOKEN", secret, Ct);

        Assert.Equal(secret, await keyring.GetPasswordAsync(service, "MIST_APITOKEN", Ct));
        Assert.Null(await keyring.GetPasswordAsync(service, "MIST_USER", Ct));
    }

    [Fact]
    public void SetPassword_Twice_ReplacesAndDeleteRemoves()
    {
        SkipWhenUnavailable();
        var keyring = new SecretServiceKeyring(fixture.Options);
        var service = "conduit-test-" + Guid.NewGuid().ToString("N");

        keyring.SetPassword(service, "MIST_PASSWORD", "first-password", Ct);
        keyring.SetPassword(service, "MIST_PASSWORD", "second-password", Ct);
        var read = keyring.GetPassword(service, "MIST_PASSWORD", Ct);
        keyring.DeletePassword(service, "MIST_PASSWORD", Ct);
        keyring.DeletePassword(service, "MIST_PASSWORD", Ct);

        Assert.Equal("second-password", read);
        Assert.Null(keyring.GetPassword(service, "MIST_PASSWORD", Ct));
    }

    [Fact]
    public async Task KeyringSource_SaveThenResolve_ReadsTheTokenBack()
    {
        SkipWhenUnavailable();
        var service = "conduit-test-" + Guid.NewGuid().ToString("N");
        var source = new KeyringCredentialSource(new SecretServiceKeyring(fixture.Options), service);
        await source.SaveAsync(new MistCredentials { Host = "api.eu.mist.com", ApiTokens = ["login-saved-token"] }, Ct);
        var logs = new CredentialLogCapture();

        var resolution = await new MistCredentialResolver([new EnvironmentCredentialSource(_ => null), source], logs.CreateLogger("test"))
            .ResolveAsync(Ct);

        Assert.Equal(["login-saved-token"], resolution.Credentials.ApiTokens);
        Assert.Equal("api.eu.mist.com", resolution.Credentials.Host);
        Assert.Equal(new MistCredentialOrigin(source.Name, "MIST_APITOKEN"), resolution.OriginOf(MistCredentialFields.ApiTokens));
        Assert.DoesNotContain("login-saved-token", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPassword_NoSessionBus_FailsWithClearMessage()
    {
        SkipWhenUnavailable();
        var options = fixture.Options;
        options.Environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/conduit-bus";
        var keyring = new SecretServiceKeyring(options);

        var ex = Assert.Throws<KeyringException>(() => keyring.GetPassword("svc", "MIST_APITOKEN", Ct));

        Assert.StartsWith("Secret Service (secret-tool): 'lookup' of 'MIST_APITOKEN' failed", ex.Message, StringComparison.Ordinal);
    }
}
