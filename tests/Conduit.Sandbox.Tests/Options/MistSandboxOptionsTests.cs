namespace Conduit.Sandbox.Tests.Options;

public sealed class MistSandboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.Empty(new MistSandboxOptions().GetErrors());

    [Fact]
    public void Validate_EveryBadValue_ReportsAllInOneMessage()
    {
        var options = new MistSandboxOptions { Port = -1, HttpsPort = 70000, SiteCount = 0, HourlyQuota = 0, MaxRequestBodyBytes = 10, RequestIdHeader = " " };
        options.Tokens.Add("has space");
        options.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, Probability = 3 });
        var error = Assert.Throws<ArgumentException>(options.Validate);
        foreach (var part in new[] { "Port must be", "HttpsPort must be", "SiteCount", "HourlyQuota", "MaxRequestBodyBytes", "RequestIdHeader", "Tokens must not contain whitespace", "Probability" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
        => await Assert.ThrowsAsync<ArgumentException>(() => MistSandbox.StartAsync(new MistSandboxOptions { HourlyQuota = 0 }, SandboxTestHost.Token));

    [Fact]
    public async Task StartAsync_GivenTokens_AcceptsThemAndReportsThem()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Tokens.Add("my-token"));
        Assert.Equal(["my-token"], sandbox.Seed.Tokens);
    }
}
