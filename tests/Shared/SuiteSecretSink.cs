using System.Runtime.CompilerServices;

namespace Conduit.Testing;

/// <summary>
/// The test suite's secret sink. When <c>CONDUIT_SECRET_SINK_DIR</c> is set (test.sh sets it), every test process
/// writes into one file there: the type and message of every exception thrown anywhere in the process (first-chance,
/// so expected and caught ones too), and every log line and CLI output that test infrastructure hands to
/// <see cref="Record"/>. Secrets generated at run time are added to the registry with <see cref="RegisterSecret"/>.
/// After the run, <c>tools/Conduit.SecretScan</c> checks that no registered test secret appears in any of it.
/// Compiled into every test project (see Directory.Build.props); inert when the variable is not set.
/// </summary>
internal static class SuiteSecretSink
{
    /// <summary>The environment variable naming the folder the sink writes to.</summary>
    public const string DirectoryVariable = "CONDUIT_SECRET_SINK_DIR";

    private static readonly Lock Gate = new();
    private static StreamWriter? records;
    private static StreamWriter? secrets;

    [ThreadStatic]
    private static bool recording;

    /// <summary>True when the sink writes (the variable is set).</summary>
    public static bool Enabled => records is not null;

#pragma warning disable CA2255 // The sink must start before any test runs, in every test assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var name = $"{AppDomain.CurrentDomain.FriendlyName}-{Environment.ProcessId}";
        records = Open(Path.Combine(directory, name + ".log"));
        secrets = Open(Path.Combine(directory, name + ".secrets"));
        // Whatever the process writes to the console (servers' console loggers, CLI output not captured by a test) too.
        Console.SetOut(new TeeWriter(Console.Out, "stdout"));
        Console.SetError(new TeeWriter(Console.Error, "stderr"));
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            Record("exception", $"{e.Exception.GetType().FullName}: {e.Exception.Message}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Gate)
            {
                records?.Flush();
                secrets?.Flush();
            }
        };
    }

    /// <summary>Adds one piece of produced text (a log line, a CLI output, an exception message) to the sink.</summary>
    public static void Record(string kind, string? text)
    {
        if (records is null || string.IsNullOrEmpty(text) || recording)
        {
            return;
        }

        recording = true;
        try
        {
            // One record per line: kind, a tab, the text with its line breaks escaped.
            var line = string.Concat(kind, "\t", text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
            lock (Gate)
            {
                records.WriteLine(line);
            }
        }
        catch (IOException)
        {
            // The sink must never fail a test; a lost record only weakens the final check.
        }
        finally
        {
            recording = false;
        }
    }

    /// <summary>Records <paramref name="text"/> and returns it, for capturing loggers: <c>lines.Enqueue(SuiteSecretSink.Recorded("log", line))</c>.</summary>
    public static string Recorded(string kind, string text)
    {
        Record(kind, text);
        return text;
    }

    /// <summary>Adds a secret made at run time (a generated token, a password) to the registry the final check uses.</summary>
    public static void RegisterSecret(string? secret)
    {
        if (secrets is null || string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (Gate)
        {
            secrets.WriteLine(secret);
        }
    }

    private static StreamWriter Open(string path)
        => new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    /// <summary>A console writer that also records each line it writes.</summary>
    private sealed class TeeWriter(TextWriter inner, string kind) : TextWriter
    {
        private const string RunnerMessagePrefix = "{\"$type\":";
        private readonly System.Text.StringBuilder line = new();

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            inner.Write(value);
            lock (line)
            {
                if (value == '\n')
                {
                    Complete();
                }
                else
                {
                    line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            inner.Write(value);
            if (value is null)
            {
                return;
            }

            lock (line)
            {
                foreach (var c in value)
                {
                    if (c == '\n')
                    {
                        Complete();
                    }
                    else
                    {
                        line.Append(c);
                    }
                }
            }
        }

        public override void Flush() => inner.Flush();

        private void Complete()
        {
            // xunit v3 talks to the test host over stdout in JSON messages; the test output they carry reaches the
            // results files, which the scan reads, and their test names are not produced text.
            if (!line.ToString().StartsWith(RunnerMessagePrefix, StringComparison.Ordinal))
            {
                Record(kind, line.ToString());
            }

            line.Clear();
        }
    }
}
