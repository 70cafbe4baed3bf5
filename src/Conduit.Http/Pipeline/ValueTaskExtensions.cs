using System.Diagnostics;

namespace Conduit.Http;

/// <summary>Completes the synchronous path of a shared sync/async implementation.</summary>
internal static class ValueTaskExtensions
{
    /// <summary>Returns the result of a value task that ran with <c>async: false</c> and so has already completed.</summary>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "The synchronous path awaited asynchronous work.");
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Completes a value task that ran with <c>async: false</c>.</summary>
    public static void EnsureCompleted(this ValueTask task)
    {
        Debug.Assert(task.IsCompleted, "The synchronous path awaited asynchronous work.");
        task.GetAwaiter().GetResult();
    }

    /// <summary>Returns the result of a task that ran with <c>async: false</c> and so has already completed.</summary>
    public static T EnsureCompleted<T>(this Task<T> task)
    {
        Debug.Assert(task.IsCompleted, "The synchronous path awaited asynchronous work.");
        return task.GetAwaiter().GetResult();
    }
}
