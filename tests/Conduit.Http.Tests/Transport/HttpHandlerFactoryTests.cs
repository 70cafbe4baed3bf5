using System.Net.Sockets;
using Conduit.Http.Transport;

namespace Conduit.Http.Tests.Transport;

public sealed class HttpHandlerFactoryTests
{
    [Fact]
    public void Create_ConnectsThroughAConnectionASynchronousCancellationCanEnd()
    {
        using var handler = HttpHandlerFactory.Create(new ConduitClientOptions());

        Assert.NotNull(handler.ConnectCallback);
    }

    [Fact]
    public void Configure_KeepsTheHandlersOwnConnectCallback()
    {
        Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> own =
            static (_, _) => ValueTask.FromResult<Stream>(new NetworkStream(new Socket(SocketType.Stream, ProtocolType.Tcp), ownsSocket: true));
        using var handler = new SocketsHttpHandler { ConnectCallback = own };

        HttpHandlerFactory.Configure(handler, new ConduitClientOptions());

        Assert.Same(own, handler.ConnectCallback);
    }
}
