using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;

namespace Conduit.Mist.Tests.Credentials;

public sealed class PromptCredentialSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Read_NothingKnown_AsksForAHiddenToken()
    {
        var prompt = new ScriptedPrompt("typed-token");

        var reading = new PromptCredentialSource(prompt).Read(MistCredentialRequest.AllFields, Ct);

        Assert.Equal(["typed-token"], reading.Credentials.ApiTokens);
        Assert.Equal([(PromptCredentialSource.ApiTokenLabel, true)], prompt.Questions);
    }

    [Fact]
    public async Task ReadAsync_EmptyToken_AsksLoginThenHiddenPassword()
    {
        var prompt = new ScriptedPrompt("", "ada@example.com", "typed-password");

        var reading = await new PromptCredentialSource(prompt).ReadAsync(MistCredentialRequest.AllFields, Ct);

        Assert.Null(reading.Credentials.ApiTokens);
        Assert.Equal("ada@example.com", reading.Credentials.User);
        Assert.Equal("typed-password", reading.Credentials.Password);
        Assert.Equal([(PromptCredentialSource.ApiTokenLabel, true), (PromptCredentialSource.UserLabel, false), (PromptCredentialSource.PasswordLabel, true)], prompt.Questions);
    }

    [Fact]
    public void Read_UserKnown_AsksOnlyThePassword()
    {
        var prompt = new ScriptedPrompt("typed-password");
        var request = new MistCredentialRequest(MistCredentialFields.All & ~MistCredentialFields.User, MistCredentialFields.User);

        var reading = new PromptCredentialSource(prompt).Read(request, Ct);

        Assert.Equal("typed-password", reading.Credentials.Password);
        Assert.Equal([(PromptCredentialSource.PasswordLabel, true)], prompt.Questions);
    }

    [Fact]
    public void Read_AuthenticationResolved_AsksNothing()
    {
        var prompt = new ScriptedPrompt();
        var request = new MistCredentialRequest(MistCredentialFields.All & ~MistCredentialFields.ApiTokens, MistCredentialFields.ApiTokens);

        var reading = new PromptCredentialSource(prompt).Read(request, Ct);

        Assert.Empty(prompt.Questions);
        Assert.Equal(MistCredentialFields.None, reading.Credentials.PresentFields);
    }

    [Fact]
    public void Read_AskHost_AsksTheHostInClear()
    {
        var prompt = new ScriptedPrompt("api.gc3.mist.com", "typed-token");

        var reading = new PromptCredentialSource(prompt, askHost: true).Read(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("api.gc3.mist.com", reading.Credentials.Host);
        Assert.Equal((PromptCredentialSource.HostLabel, false), prompt.Questions[0]);
    }

    [Fact]
    public void Read_NoTerminal_AsksNothing()
    {
        var prompt = new ScriptedPrompt { IsInteractive = false };

        var reading = new PromptCredentialSource(prompt).Read(MistCredentialRequest.AllFields, Ct);

        Assert.Empty(prompt.Questions);
        Assert.Equal(MistCredentialFields.None, reading.Credentials.PresentFields);
    }

    [Fact]
    public void ConsolePrompt_NoTerminal_Refuses()
    {
        var output = new StringWriter();
        var prompt = new ConsoleMistPrompt(() => false, output);

        var ex = Assert.Throws<MistCredentialException>(() => prompt.Prompt("Password", secret: true, Ct));

        Assert.False(prompt.IsInteractive);
        Assert.StartsWith("Cannot ask for 'Password': no terminal is attached", ex.Message, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task ConsolePromptAsync_NoTerminal_Refuses()
    {
        var prompt = new ConsoleMistPrompt(() => false, new StringWriter());

        await Assert.ThrowsAsync<MistCredentialException>(() => prompt.PromptAsync("API token", secret: true, Ct).AsTask());
    }

    [Fact]
    public void ConsolePrompt_RedirectedInput_IsNotInteractive()
    {
        Assert.SkipUnless(Console.IsInputRedirected, "This test host has a terminal on standard input.");

        Assert.False(new ConsoleMistPrompt().IsInteractive);
    }
}
