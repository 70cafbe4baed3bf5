using Microsoft.Extensions.Options;

namespace Conduit.AuthServer.Tests;

public sealed class AuthServerOptionsValidatorTests
{
    [Fact]
    public async Task StartAsync_ManyInvalidOptions_ThrowsOneExceptionListingEveryProblem()
    {
        var options = new AuthServerOptions
        {
            SigningKey = "too-short",
            BasePath = "api",
            AccessTokenLifetime = TimeSpan.Zero,
            RefreshTokenLifetime = TimeSpan.FromDays(-1),
            PasswordHashIterations = 0,
            MaxRequestBodyBytes = 0,
            StorageProvider = AuthStorageProvider.PostgreSql,
        };

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => AuthServerHost.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Equal(
            [
                "SigningKey must be at least 32 bytes long (UTF-8).",
                "BasePath must start with '/' and contain no '?', '#' or empty segment.",
                "AccessTokenLifetime must be positive.",
                "RefreshTokenLifetime must be positive.",
                "ConnectionString is required when StorageProvider is PostgreSql.",
                "PasswordHashIterations must be positive.",
                "MaxRequestBodyBytes must be positive.",
            ],
            exception.Failures);
        Assert.DoesNotContain("too-short", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_MissingSigningKey_Throws()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => AuthServerHost.StartAsync(new AuthServerOptions(), TestContext.Current.CancellationToken));

        Assert.Equal(["SigningKey is required."], exception.Failures);
    }

    [Fact]
    public void Validate_Defaults_WithSigningKey_HasNoErrors()
    {
        Assert.Empty(AuthServerOptionsValidator.Validate(new AuthServerOptions { SigningKey = new string('k', 32) }));
    }

    [Fact]
    public void ToString_OptionsWithSecrets_RedactsThem()
    {
        var options = new AuthServerOptions { SigningKey = "super-secret-signing-key-0123456789abcdef", ConnectionString = "Host=db;Password=hunter2" };

        var text = options.ToString();

        Assert.DoesNotContain("super-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("SigningKey = [redacted]", text, StringComparison.Ordinal);
    }
}
