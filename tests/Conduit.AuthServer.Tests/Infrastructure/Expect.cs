using System.Net;
using System.Text.Json;

namespace Conduit.AuthServer.Tests.Infrastructure;

/// <summary>Assertions on raw HTTP responses.</summary>
public static class Expect
{
    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an error response: status, <c>error</c> code, a non-empty <c>message</c> and a <c>details</c> member.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.True(body.TryGetProperty("details", out _), "error bodies always carry 'details'");
        return body;
    }

    /// <summary>Asserts a validation error naming <paramref name="field"/> in its details.</summary>
    public static async Task<JsonElement> ValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), $"details should name '{field}': {body}");
        return body;
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
