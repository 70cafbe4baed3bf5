namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>
/// A bug this suite found, kept as a regression: the check runs the minimal failing input. Every bug found so far is
/// fixed, so a failing check fails its test (with the bug's description) and records the finding in the report; it is
/// not skipped. A newly found bug that cannot be fixed at once may set <c>skipWhilePresent</c> until it is.
/// </summary>
internal static class KnownBug
{
    public static void Check(FuzzReport report, string description, Action regression, bool skipWhilePresent = false)
    {
        try
        {
            regression();
        }
        catch (Exception ex)
        {
            report.Finding(description);
            TestContext.Current.TestOutputHelper?.WriteLine($"Failing again ({ex.GetType().Name}: {ex.Message}): {description}");
            if (skipWhilePresent)
            {
                Assert.Skip("Known bug: " + description);
            }

            throw new Xunit.Sdk.XunitException($"Regression of a bug this suite found ({ex.GetType().Name}: {ex.Message}): {description}");
        }
    }

    /// <summary>Whether <paramref name="regression"/> still fails, without recording anything (to steer generators).</summary>
    public static bool IsPresent(Action regression)
    {
        try
        {
            regression();
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}
