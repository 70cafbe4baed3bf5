using System.Net;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class HealthTests
{
    [Fact]
    public async Task GetHealth_DatabaseUp_ReportsHealthyWithUptime()
    {
        await using var server = await TestAuthServer.StartAsync();
        server.Time.Advance(TimeSpan.FromSeconds(90));

        using var response = await server.GetAsync("health");

        var body = await Expect.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("healthy", body.Str("status"));
        Assert.Equal("sqlite: ok", body.Str("database"));
        Assert.False(string.IsNullOrEmpty(body.Str("version")));
        Assert.True(body.GetProperty("uptime").GetDouble() >= 90);
    }

    [Fact]
    public async Task GetOutbox_DevelopmentModeOff_Returns404()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { DevelopmentMode = false });

        using var outbox = await server.GetAsync("admin/outbox");
        using var users = await server.PatchAsync("admin/users/x", new { is_active = false });

        await Expect.ErrorAsync(outbox, HttpStatusCode.NotFound, "not_found");
        await Expect.ErrorAsync(users, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetOutbox_DevelopmentMode_ListsEmailsForRecipient()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("first@example.com");
        await server.RegisterAsync("second@example.com");

        using var response = await server.GetAsync("admin/outbox?email=Second@Example.com");

        var messages = (await Expect.JsonAsync(response, HttpStatusCode.OK)).GetProperty("messages");
        var message = Assert.Single(messages.EnumerateArray());
        Assert.Equal("second@example.com", message.Str("to"));
        Assert.Equal("email_verification", message.Str("kind"));
        Assert.Contains(message.Str("token"), message.Str("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUpdateUser_UnknownId_Returns404()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PatchAsync("admin/users/does-not-exist", new { is_active = false });

        await Expect.ErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
