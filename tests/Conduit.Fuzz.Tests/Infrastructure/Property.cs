using CsCheck;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>
/// Runs a CsCheck property for a fixed number of cases and records the figure in the report and the test output. Set
/// <c>CONDUIT_FUZZ_SCALE</c> to a whole number to run that many times the cases (a deep local run; CI runs scale 1).
/// </summary>
internal static class Property
{
    /// <summary>The multiplier read from <c>CONDUIT_FUZZ_SCALE</c> (1 when unset or not a positive number).</summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CONDUIT_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    /// <summary>Runs <paramref name="check"/> on <paramref name="cases"/> generated inputs; any exception fails with the shrunk input.</summary>
    public static void Check<T>(FuzzReport report, string name, string subject, int cases, Gen<T> gen, Action<T> check, Func<T, string>? print = null)
    {
        cases *= Scale;
        gen.Sample(check, iter: cases, print: print);
        Record(report, name, subject, cases);
    }

    /// <summary>Records a property that held for <paramref name="cases"/> cases.</summary>
    public static void Record(FuzzReport report, string name, string subject, int cases)
    {
        report.Property(name, subject, cases);
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {cases:N0} cases held ({subject}).");
    }
}
