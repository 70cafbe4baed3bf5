namespace Conduit.AuthService.Sessions;

/// <summary>Completes the synchronous path of a shared sync/async implementation (one that ran with <c>async: false</c>).</summary>
internal static class SyncCompletion
{
    /// <summary>Returns the result of a value task that must already have completed.</summary>
    /// <exception cref="InvalidOperationException">The synchronous path awaited asynchronous work (a bug).</exception>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("The synchronous path awaited asynchronous work.");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Completes a value task that must already have completed.</summary>
    /// <exception cref="InvalidOperationException">The synchronous path awaited asynchronous work (a bug).</exception>
    public static void EnsureCompleted(this ValueTask task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("The synchronous path awaited asynchronous work.");
        }

        task.GetAwaiter().GetResult();
    }
}
