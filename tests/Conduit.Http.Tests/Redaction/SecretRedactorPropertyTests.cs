using System.Text;
using System.Text.Json;
using Conduit.Http.Redaction;
using CsCheck;

namespace Conduit.Http.Tests.Redaction;

public sealed class SecretRedactorPropertyTests
{
    private static readonly string[] SecretFields = ["password", "psk", "apitoken", "client_secret", "access_token", "passphrase"];

    [Fact]
    public void RedactJson_SecretFieldAtAnyDepth_NeverSurvives()
    {
        var secret = Gen.String[Gen.Char['a', 'z'], 8, 24].Select(s => "S" + s + "9");
        var field = Gen.Int[0, SecretFields.Length - 1].Select(i => SecretFields[i]);
        var depth = Gen.Int[0, 5];
        Gen.Select(secret, field, depth).Sample((value, name, levels) =>
        {
            var json = $"{{\"{name}\":{JsonSerializer.Serialize(value)}}}";
            for (var i = 0; i < levels; i++)
            {
                json = i % 2 == 0 ? $"{{\"level{i}\":{json},\"name\":\"x\"}}" : $"[{json},1]";
            }

            var redacted = SecretRedactor.Default.RedactJson(Encoding.UTF8.GetBytes(json));
            return !redacted.Contains(value, StringComparison.Ordinal) && JsonDocument.Parse(redacted) is not null;
        });
    }
}
