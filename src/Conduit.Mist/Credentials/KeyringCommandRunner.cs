using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Runs keyring tools as child processes: arguments never carry a secret (secrets go through standard input), the
/// environment is changed for the child only, and a hung tool (a locked keyring waiting for a GUI prompt) is killed
/// after the timeout. Virtual so tests can script the tool's answers.
/// </summary>
internal class KeyringCommandRunner
{
    public static KeyringCommandRunner Default { get; } = new();

    /// <exception cref="KeyringUnavailableException">The executable does not exist.</exception>
    /// <exception cref="KeyringException">The tool did not finish within the timeout.</exception>
    public virtual KeyringCommandResult Run(KeyringCommand command, CancellationToken cancellationToken) =>
        RunCore(command, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <exception cref="KeyringUnavailableException">The executable does not exist.</exception>
    /// <exception cref="KeyringException">The tool did not finish within the timeout.</exception>
    public virtual Task<KeyringCommandResult> RunAsync(KeyringCommand command, CancellationToken cancellationToken) =>
        RunCore(command, async: true, cancellationToken);

    private static async Task<KeyringCommandResult> RunCore(KeyringCommand command, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new KeyringUnavailableException($"'{command.FileName}' could not be started: {ex.Message}.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (command.StandardInput is not null)
            {
                process.StandardInput.Write(command.StandardInput);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited without reading its input; its exit code tells what happened.
        }

        var exited = async ? await WaitAsync(process, command.Timeout, cancellationToken).ConfigureAwait(false) : Wait(process, command.Timeout, cancellationToken);
        if (!exited)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new KeyringException($"'{Path.GetFileName(command.FileName)} {command.Arguments.FirstOrDefault()}' did not finish within {command.Timeout.TotalSeconds:0.#} s (is the keyring locked and waiting for a password prompt?).");
        }

        process.WaitForExit(); // flushes the redirected output
        lock (output)
        {
            lock (error)
            {
                return new KeyringCommandResult(process.ExitCode, output.ToString(), error.ToString().Trim());
            }
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(builder.Length == 0 ? string.Empty : "\n").Append(line);
        }
    }

    private static bool Wait(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(static state => Kill((Process)state!), process);
        var exited = process.WaitForExit(timeout);
        return exited && !cancellationToken.IsCancellationRequested;
    }

    private static async Task<bool> WaitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
