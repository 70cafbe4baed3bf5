using System.Collections.Concurrent;
using Conduit.Mist.Credentials;

namespace Conduit.Cli.Tests.Mist;

/// <summary>A terminal that answers each question with a function of its label, and remembers what was asked.</summary>
internal sealed class AnsweringPrompt(Func<string, string> answer) : IMistPrompt
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public bool IsInteractive => true;

    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default)
    {
        Asked.Enqueue(label);
        return answer(label);
    }

    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Prompt(label, secret, cancellationToken));
}
