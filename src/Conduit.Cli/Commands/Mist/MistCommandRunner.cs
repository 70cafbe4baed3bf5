using System.CommandLine;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// Gives each <c>conduit mist</c> subcommand its action: a fresh <see cref="MistCommandContext"/>, then one error
/// path for all of them — one redacted line (details with <c>--verbose</c>) and the exit code of <see cref="MistCommandFailure"/>.
/// </summary>
internal sealed class MistCommandRunner(MistCliEnvironment environment, MistCommandOptions options)
{
    /// <summary>The exit code after Ctrl+C ends a command that is not meant to run until stopped.</summary>
    public const int Cancelled = 130;

    public void SetAction(Command command, Func<MistCommandContext, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = new MistCommandContext(result, options, environment);
            try
            {
                return await action(context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Io.Error("Cancelled.");
                return Cancelled;
            }
            catch (Exception ex) when (MistCommandFailure.From(ex) is { } failure)
            {
                Report(context, failure);
                return failure.ExitCode;
            }
        });
    }

    private static void Report(MistCommandContext context, MistCommandFailure failure)
    {
        var redactor = context.Redactor;
        var details = failure.Details.Concat(context.DescribeCredentials()).Select(redactor.RedactText).ToList();
        context.Io.Error(OneLine(redactor.RedactText(failure.Message)), details);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
