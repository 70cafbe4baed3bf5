namespace Conduit.Mist.Credentials;

/// <summary>
/// Asks the person at the terminal for a value. <see cref="ConsoleMistPrompt"/> is the terminal implementation; tests
/// use a scripted double. Used for missing credentials, and usable for anything else (a two-factor code, a choice).
/// </summary>
public interface IMistPrompt
{
    /// <summary>Whether someone can be asked: a terminal is attached. Sources skip prompting when it is not.</summary>
    bool IsInteractive { get; }

    /// <summary>Asks for one value.</summary>
    /// <param name="label">What is asked, e.g. <c>Password</c>; shown followed by <c>: </c>.</param>
    /// <param name="secret">Whether the input is hidden (not echoed).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer without its line break; empty when nothing was typed.</returns>
    /// <exception cref="MistCredentialException">No terminal is attached (<see cref="IsInteractive"/> is false), or input ended.</exception>
    string Prompt(string label, bool secret, CancellationToken cancellationToken = default);

    /// <summary>Asks for one value asynchronously.</summary>
    /// <param name="label">What is asked, e.g. <c>Password</c>; shown followed by <c>: </c>.</param>
    /// <param name="secret">Whether the input is hidden (not echoed).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer without its line break; empty when nothing was typed.</returns>
    /// <exception cref="MistCredentialException">No terminal is attached (<see cref="IsInteractive"/> is false), or input ended.</exception>
    ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default);
}
