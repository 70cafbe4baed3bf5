using Conduit.Mist.Credentials;

namespace Conduit.Cli.Tests.Mist;

/// <summary>A prompt with no terminal attached (as in CI): it never asks, and refuses if asked.</summary>
internal sealed class NoTerminalPrompt : IMistPrompt
{
    public bool IsInteractive => false;

    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default) =>
        throw new MistCredentialException($"Cannot ask for '{label}': no terminal.", "prompt", label);

    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Prompt(label, secret, cancellationToken));
}
