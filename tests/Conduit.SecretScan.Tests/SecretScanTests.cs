using System.Diagnostics;

namespace Conduit.SecretScan.Tests;

/// <summary>Runs the scanner as test.sh does, on folders these tests fill, and checks its verdict and its output.</summary>
public sealed class SecretScanTests : IDisposable
{
    private const string Secret = "scan-test-secret-0123";
    private readonly string root = Directory.CreateTempSubdirectory("conduit-secret-scan-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Clean_output_passes_and_counts_what_it_read()
    {
        Write("registry.txt", "# comment", Secret);
        Write("sink/a.log", "exception\tSystem.InvalidOperationException: nothing to see", "log\tInformation GET /api/v1/self 200");

        var (exit, output) = await ScanAsync();

        Assert.Equal(0, exit);
        Assert.Contains("1 secrets", output, StringComparison.Ordinal);
        Assert.Contains("1 exception, 1 log", output, StringComparison.Ordinal);
        Assert.Contains(": 0 leaks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_secret_in_a_log_line_fails_without_printing_the_secret()
    {
        Write("registry.txt", "first-unused-secret", Secret);
        Write("sink/a.log", "log\tDebug sent Authorization: Token " + Secret);

        var (exit, output) = await ScanAsync();

        Assert.Equal(1, exit);
        Assert.Contains("secret from registry.txt line 2 found in a.log:1 (log)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_registered_at_run_time_is_looked_for_too()
    {
        Write("registry.txt", "first-unused-secret");
        Write("sink/b.secrets", "generated-token-abcdef");
        Write("sink/b.log", "exception\tConduit.Http.ApiException: bad token generated-token-abcdef");

        var (exit, output) = await ScanAsync();

        Assert.Equal(1, exit);
        Assert.Contains("run-time registration in b.secrets", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_output_in_results_files_is_scanned()
    {
        Write("registry.txt", Secret);
        Write("sink/a.log", "log\tnothing");
        Write("trx/run.trx",
            "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results><UnitTestResult testName=\"t\">",
            "<Output><StdOut>printed " + Secret + "</StdOut></Output></UnitTestResult></Results></TestRun>");

        var (exit, output) = await ScanAsync(withTrx: true);

        Assert.Equal(1, exit);
        Assert.Contains("(test output)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_registry_entry_is_refused_as_bad_input()
    {
        Write("registry.txt", "short");
        Write("sink/a.log", "log\tshort");

        var (exit, output) = await ScanAsync();

        Assert.Equal(2, exit);
        Assert.Contains("at least 8 characters", output, StringComparison.Ordinal);
    }

    private void Write(string relative, params string[] lines)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    private async Task<(int Exit, string Output)> ScanAsync(bool withTrx = false)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Conduit.SecretScan.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "--registry", Path.Combine(root, "registry.txt"), "--sink", Path.Combine(root, "sink") })
        {
            start.ArgumentList.Add(argument);
        }

        if (withTrx)
        {
            start.ArgumentList.Add("--trx");
            start.ArgumentList.Add(Path.Combine(root, "trx"));
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
