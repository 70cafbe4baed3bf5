using CsCheck;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>Runs a CsCheck property for a fixed number of cases and records the figure in the report and the test output.</summary>
internal static class Property
{
    /// <summary>Runs <paramref name="check"/> on <paramref name="cases"/> generated inputs; any exception fails with the shrunk input.</summary>
    public static void Check<T>(FuzzReport report, string name, string subject, int cases, Gen<T> gen, Action<T> check, Func<T, string>? print = null)
    {
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
