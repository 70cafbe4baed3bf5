using System.Text;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Asks at the terminal: the question goes to standard error (so standard output stays clean for <c>--json</c>), the
/// answer comes from the keyboard, and a secret is read key by key without echo. Refuses, with a clear
/// <see cref="MistCredentialException"/>, when standard input is not a terminal (redirected, CI, a service).
/// </summary>
public sealed class ConsoleMistPrompt : IMistPrompt
{
    private readonly Func<bool> _isTerminal;
    private readonly TextWriter? _output;

    /// <summary>Creates a prompt on the process console.</summary>
    public ConsoleMistPrompt()
        : this(static () => !Console.IsInputRedirected, null)
    {
    }

    internal ConsoleMistPrompt(Func<bool> isTerminal, TextWriter? output)
    {
        _isTerminal = isTerminal;
        _output = output;
    }

    /// <inheritdoc />
    public bool IsInteractive => _isTerminal();

    /// <inheritdoc />
    public string Prompt(string label, bool secret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsInteractive)
        {
            throw new MistCredentialException($"Cannot ask for '{label}': no terminal is attached (standard input is redirected). Give it as an argument, in the environment, a .env file, Vault or the keyring.", "prompt", label);
        }

        var output = _output ?? Console.Error;
        output.Write(label + ": ");
        output.Flush();
        var answer = secret ? ReadHidden(output, cancellationToken) : Console.In.ReadLine();
        return answer ?? throw new MistCredentialException($"Cannot ask for '{label}': the terminal input ended.", "prompt", label);
    }

    /// <inheritdoc />
    /// <remarks>The console has no asynchronous key reading: the question runs on a pool thread and cancellation abandons it.</remarks>
    public ValueTask<string> PromptAsync(string label, bool secret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (!IsInteractive)
        {
            return ValueTask.FromResult(Prompt(label, secret, cancellationToken));
        }

        return new ValueTask<string>(Task.Run(() => Prompt(label, secret, cancellationToken), cancellationToken).WaitAsync(cancellationToken));
    }

    private static string? ReadHidden(TextWriter output, CancellationToken cancellationToken)
    {
        var buffer = new StringBuilder();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.WriteLine();
                    return buffer.ToString();
                case ConsoleKey.Backspace:
                    if (buffer.Length > 0)
                    {
                        buffer.Length--;
                    }

                    break;
                default:
                    if (key.KeyChar == '\u0004' && buffer.Length == 0)
                    {
                        output.WriteLine();
                        return null; // Ctrl+D on an empty line: end of input
                    }

                    if (!char.IsControl(key.KeyChar))
                    {
                        buffer.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}
