using Conduit.Mist.Credentials;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>A prompt test double: answers from a script and records what it was asked.</summary>
internal sealed class ScriptedPrompt(params string[] answers) : IMistPrompt
{
    private readonly Queue<string> _answers = new(answers);

    public bool IsInteractive { get; init; } = true;

    public List<(string Label, bool Secret)> Questions { get; } = [];

    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default)
    {
        Questions.Add((label, secret));
        return _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException($"Unexpected question '{label}'.");
    }

    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Prompt(label, secret, cancellationToken));
}
