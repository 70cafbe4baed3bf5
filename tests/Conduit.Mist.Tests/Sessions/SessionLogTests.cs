using Conduit.Http;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Sessions;

public sealed class SessionLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_TokenAndLoginSessionsAtTraceWithBodies_NeverContainASecret()
    {
        await using var sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);
        var logs = new CapturingLoggerFactory();
        var user = sandbox.Seed.TwoFactorUser;
        var code = Totp.Code(user.TotpSecret!, DateTimeOffset.UtcNow);
        string? csrf;
        await using (var login = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.Email = user.Email;
            o.Password = user.Password;
            o.TwoFactorCode = code;
            o.ConfigureClient = c => c.LogBodies = true;
        }), logs, cancellationToken: Ct))
        {
            await login.Client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", JsonBody.FromText("{\"name\":\"x\",\"psk\":\"site-psk-42\"}"), Ct);
            csrf = login.State.CsrfToken(login.Cloud.BaseUri);
        }

        var tokens = sandbox.Seed.Tokens.ToArray();
        await using (var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiToken = string.Join(',', tokens.Append("bogus-token-000000"));
            o.ConfigureClient = c => c.LogBodies = true;
        }), logs, cancellationToken: Ct))
        {
            await session.Client.GetAsync("/api/v1/self", Ct);
        }

        Assert.NotNull(csrf);
        logs.AssertNoSecret([.. tokens, "bogus-token-000000", user.Password, code, csrf!, "site-psk-42"]);
    }
}
