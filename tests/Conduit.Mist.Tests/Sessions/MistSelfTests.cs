using System.Text.Json;
using Conduit.Mist.Sessions;

namespace Conduit.Mist.Tests.Sessions;

public sealed class MistSelfTests
{
    [Theory]
    [InlineData("""{"email":"a@example.com","session_expiry":"60"}""")]
    [InlineData("""{"email":"a@example.com","session_expiry":true}""")]
    [InlineData("""{"email":"a@example.com","session_expiry":1.5}""")]
    public void Parse_SessionExpiryNotAWholeNumber_ReadsAsUnknown(string json)
    {
        // Review finding: a string here made JsonElement.TryGetInt64 throw InvalidOperationException.
        using var document = JsonDocument.Parse(json);

        var self = MistSelf.Parse(document.RootElement);

        Assert.Equal("a@example.com", self.Email);
        Assert.Null(self.SessionExpiry);
    }

    [Fact]
    public void Parse_SessionExpiryInMinutes_IsRead()
    {
        using var document = JsonDocument.Parse("""{"session_expiry":60}""");

        Assert.Equal(TimeSpan.FromMinutes(60), MistSelf.Parse(document.RootElement).SessionExpiry);
    }
}
