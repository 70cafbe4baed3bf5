using System.Collections.Concurrent;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// Counts <see cref="TaskScheduler.UnobservedTaskException"/> events while it lives. <see cref="Collect"/>
/// forces the finalisers that raise them to run first.
/// </summary>
internal sealed class UnobservedTaskExceptionWatch : IDisposable
{
    private readonly ConcurrentQueue<string> seen = new();

    public UnobservedTaskExceptionWatch() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    /// <summary>The exception types seen (inner exceptions of the aggregate).</summary>
    public IReadOnlyCollection<string> Seen => seen;

    /// <summary>Runs a full collection and the finalisers twice, so every abandoned faulted task is reported.</summary>
    public static void Collect()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect();
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        foreach (var inner in e.Exception.InnerExceptions)
        {
            seen.Enqueue(inner.GetType().FullName ?? inner.GetType().Name);
        }
    }
}
