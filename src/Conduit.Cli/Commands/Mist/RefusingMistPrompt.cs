using Conduit.Mist.Credentials;
using Conduit.Mist.Sessions;

namespace Conduit.Cli.Commands.Mist;

/// <summary>The prompt under <c>--no-prompt</c>: never asks; a question it gets (a two-factor code) becomes an authentication error saying which option answers it.</summary>
internal sealed class RefusingMistPrompt : IMistPrompt
{
    public bool IsInteractive => false;

    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default) =>
        throw new MistAuthenticationException($"{label} is needed: give it with --2fa (--no-prompt forbids asking).");

    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Prompt(label, secret, cancellationToken));
}
