using System.Net;
using System.Net.Sockets;

namespace Conduit.Http.Tests.Infrastructure;

/// <summary>A loopback port with nothing listening on it (taken and released).</summary>
public static class FreePort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
