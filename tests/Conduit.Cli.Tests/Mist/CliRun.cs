namespace Conduit.Cli.Tests.Mist;

/// <summary>The outcome of one in-process command run: its exit code and everything it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}: {Output}";
}
