namespace Conduit.Bench.Load;

/// <summary>One client library under load: sends <c>GET /json</c> and reads the whole body.</summary>
internal interface ILoadClient : IDisposable
{
    /// <summary>The name in tables and plots.</summary>
    string Name { get; }

    /// <summary>Whether callers use <see cref="Send"/> on dedicated threads instead of <see cref="SendAsync"/>.</summary>
    bool IsSynchronous => false;

    /// <summary>Sends one request and reads its body.</summary>
    ValueTask SendAsync(CancellationToken cancellationToken);

    /// <summary>Sends one request synchronously (only for synchronous clients).</summary>
    void Send(CancellationToken cancellationToken) => throw new NotSupportedException();
}
