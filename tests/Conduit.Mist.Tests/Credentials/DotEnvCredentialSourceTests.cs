using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;

namespace Conduit.Mist.Tests.Credentials;

public sealed class DotEnvCredentialSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Read_QuotesCommentsAndExport_AreParsed()
    {
        const string contents = """
            # Mist credentials
            export MIST_HOST=api.eu.mist.com
            MIST_APITOKEN="token-one,token-two"   # two tokens
            MIST_USER='ada@example.com'
            MIST_PASSWORD="p#ss word"
            # MIST_ORG_ID=commented-out
            MIST_TIMEOUT=45
            CONSOLE_LOG_LEVEL=20  # info
            """;
        var source = DotEnvCredentialSource.FromContents(contents);

        var reading = source.Read(MistCredentialRequest.AllFields, Ct);

        var c = reading.Credentials;
        Assert.Equal("api.eu.mist.com", c.Host);
        Assert.Equal(["token-one", "token-two"], c.ApiTokens);
        Assert.Equal("ada@example.com", c.User);
        Assert.Equal("p#ss word", c.Password);
        Assert.Null(c.OrgId);
        Assert.Equal(TimeSpan.FromSeconds(45), c.Timeout);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, c.ConsoleLogLevel);
    }

    [Fact]
    public void ReadVariables_RepeatedKey_LaterLineWins()
    {
        var variables = DotEnvCredentialSource.FromContents("MIST_USER=first\nMIST_USER=second\n").ReadVariables(Ct);

        Assert.Equal("second", variables["MIST_USER"]);
    }

    [Fact]
    public void Read_File_DoesNotChangeTheProcessEnvironment()
    {
        using var folder = new TemporaryFolder();
        var name = "CONDUIT_DOTENV_PROBE_" + Guid.NewGuid().ToString("N");
        var path = folder.Write(".env", $"{name}=set\nMIST_USER=grace\n");

        var source = new DotEnvCredentialSource(path);
        var reading = source.Read(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("grace", reading.Credentials.User);
        Assert.Equal("set", source.ReadVariables(Ct)[name]);
        Assert.Null(Environment.GetEnvironmentVariable(name));
        Assert.Equal($".env file '{path}'", source.Name);
    }

    [Fact]
    public async Task ReadAsync_File_ReadsTheSameValues()
    {
        using var folder = new TemporaryFolder();
        var source = new DotEnvCredentialSource(folder.Write("mist.env", "MIST_ORG_ID=203d3d02-0000-4000-8000-76896a3330f4\n"));

        var reading = await source.ReadAsync(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("203d3d02-0000-4000-8000-76896a3330f4", reading.Credentials.OrgId);
    }

    [Fact]
    public void Read_MissingOptionalFile_IsEmpty()
    {
        using var folder = new TemporaryFolder();
        var source = new DotEnvCredentialSource(Path.Combine(folder.Path, ".env"), optional: true);

        Assert.Equal(MistCredentialFields.None, source.Read(MistCredentialRequest.AllFields, Ct).Credentials.PresentFields);
    }

    [Fact]
    public void Read_MissingNamedFile_SaysSo()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "absent.env");

        var ex = Assert.Throws<MistCredentialException>(() => new DotEnvCredentialSource(path).Read(MistCredentialRequest.AllFields, Ct));

        Assert.Equal($"The .env file '{path}' does not exist.", ex.Message);
    }

    [Fact]
    public void Read_MalformedValue_NamesTheFileAndKey()
    {
        var ex = Assert.Throws<MistCredentialException>(() =>
            DotEnvCredentialSource.FromContents("MIST_MAX_RETRIES=many\n", ".env file 'test'").Read(MistCredentialRequest.AllFields, Ct));

        Assert.Equal("MIST_MAX_RETRIES in .env file 'test' is not a whole number: 'many'.", ex.Message);
    }

    [Fact]
    public void Read_InvalidSyntax_ReportsWithoutQuotingTheFile()
    {
        var ex = Assert.Throws<MistCredentialException>(() =>
            DotEnvCredentialSource.FromContents("MIST_PASSWORD=\"very-secret-password\n", ".env file 'broken'").Read(MistCredentialRequest.AllFields, Ct));

        Assert.StartsWith("The .env file 'broken' is not valid .env syntax", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-password", ex.ToString(), StringComparison.Ordinal);
    }
}
