using Conduit.Mist.Credentials;

namespace Conduit.Mist.Sessions;

/// <summary>
/// An <see cref="IMistPrompt"/> over a delegate, for code that already has a way to ask (a UI, a test): the delegate
/// receives the label (for a two-factor code, <c>Two-factor code for &lt;email&gt;</c>) and returns the answer.
/// </summary>
/// <param name="ask">Returns the answer to a label.</param>
public sealed class MistDelegatePrompt(Func<string, CancellationToken, ValueTask<string>> ask) : IMistPrompt
{
    private readonly Func<string, CancellationToken, ValueTask<string>> ask = ask ?? throw new ArgumentNullException(nameof(ask));

    /// <inheritdoc />
    public bool IsInteractive => true;

    /// <inheritdoc />
    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default) => ask(label, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Waits for the delegate: a person answering, so blocking the calling thread starves nothing.</remarks>
    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default)
    {
        var pending = ask(label, cancellationToken);
        return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
