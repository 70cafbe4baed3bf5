namespace Conduit;

/// <summary>
/// Completes the synchronous path of a shared sync/async implementation: a method written once with a <c>bool async</c>
/// parameter, which with <c>async: false</c> calls only synchronous APIs and so returns an already completed task.
/// Compiled into each library that needs it (<c>&lt;Compile Include="../Shared/SyncCompletion.cs" /&gt;</c>), internal to each.
/// </summary>
internal static class SyncCompletion
{
    /// <summary>Returns the result of a value task that must already have completed.</summary>
    /// <exception cref="InvalidOperationException">The synchronous path awaited asynchronous work (a bug).</exception>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        ThrowIfPending(task.IsCompleted);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Completes a value task that must already have completed.</summary>
    /// <exception cref="InvalidOperationException">The synchronous path awaited asynchronous work (a bug).</exception>
    public static void EnsureCompleted(this ValueTask task)
    {
        ThrowIfPending(task.IsCompleted);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Returns the result of a task that must already have completed.</summary>
    /// <exception cref="InvalidOperationException">The synchronous path awaited asynchronous work (a bug).</exception>
    public static T EnsureCompleted<T>(this Task<T> task)
    {
        ThrowIfPending(task.IsCompleted);
        return task.GetAwaiter().GetResult();
    }

    private static void ThrowIfPending(bool completed)
    {
        if (!completed)
        {
            // Blocking here instead would hide the bug and could deadlock a caller's synchronization context.
            throw new InvalidOperationException("The synchronous path awaited asynchronous work.");
        }
    }
}
