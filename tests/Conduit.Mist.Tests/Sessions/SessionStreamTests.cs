using Conduit.Mist.Sessions;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;
using Conduit.Mist.Tests.TestSupport;

namespace Conduit.Mist.Tests.Sessions;

public sealed class SessionStreamTests : IAsyncLifetime
{
    private MistSandbox sandbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);

    public async ValueTask DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task CreateStreamOptions_TokenSession_OpensAStreamOnTheSessionsCloud()
    {
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o => o.ApiTokens.Add(TokenSessionTests.TokenA)), cancellationToken: Ct);
        var accepted = sandbox.Streams.ConnectionsAccepted;

        var options = session.CreateStreamOptions();
        await using var stream = new MistStream(options);
        await stream.StartAsync(Ct);
        await stream.SubscribeAsync(MistChannel.SiteDevices(sandbox.Seed.SiteIds[0]), Ct);

        Assert.Equal(session.Cloud.WebSocketUri, options.Url);
        Assert.Equal(accepted + 1, sandbox.Streams.ConnectionsAccepted);
        Assert.Single(stream.Channels);
    }

    [Fact]
    public async Task CreateStreamOptions_LoginSession_UsesTheSessionCookies()
    {
        var user = sandbox.Seed.Admin;
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.Email = user.Email;
            o.Password = user.Password;
        }), cancellationToken: Ct);

        await using var stream = new MistStream(session.CreateStreamOptions());
        await stream.StartAsync(Ct);
        await stream.SubscribeAsync(MistChannel.SiteDevices(sandbox.Seed.SiteIds[0]), Ct);

        Assert.True(session.IsLoggedIn);
        Assert.Single(stream.Channels);
    }
}
