using Conduit.Http.Authentication;

namespace Conduit.Http.Tests.Authentication;

public sealed class HeaderAuthenticationTests
{
    public static TheoryData<string, Func<string, HeaderAuthentication>> Schemes => new()
    {
        { "Authorization", static v => HeaderAuthentication.Bearer(v) },
        { "Authorization", static v => HeaderAuthentication.MistToken(v) },
        { "X-API-Key", static v => HeaderAuthentication.ApiKey(v) },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Create_CredentialWithALineBreakOrNul_ThrowsWithoutShowingIt(string header, Func<string, HeaderAuthentication> create)
    {
        foreach (var credential in (string[])["t0ken-9981\r\nX-Injected: 1", "t0ken-9981\0"])
        {
            var ex = Assert.Throws<ArgumentException>(() => create(credential));

            Assert.Equal("value", ex.ParamName);
            Assert.Contains($"The credential for the {header} header contains a line break or NUL character", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("t0ken-9981", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("X API Key")]
    [InlineData("a@b")]
    [InlineData("X-Key:")]
    public void ApiKey_InvalidHeaderName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => HeaderAuthentication.ApiKey("k-123456", name));

        Assert.Equal("headerName", ex.ParamName);
    }

    [Fact]
    public void Basic_PasswordWithANewLine_IsEncodedNotRefused()
    {
        // Basic credentials travel base64-encoded: any character is fine.
        var auth = HeaderAuthentication.Basic("user", "pass\nword");

        Assert.Equal("Basic", auth.Scheme);
    }
}
