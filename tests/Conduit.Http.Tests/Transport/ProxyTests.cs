using System.Net;
using System.Net.Sockets;
using System.Text;
using Conduit.Http.Tests.Infrastructure;

namespace Conduit.Http.Tests.Transport;

public sealed class ProxyTests
{
    /// <summary>
    /// A minimal forward proxy on loopback: asks for Basic credentials with 407, then answers the proxied request itself
    /// (nothing leaves the machine) and records the request line and credentials it saw.
    /// </summary>
    private sealed class RecordingProxy : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public RecordingProxy()
        {
            _listener.Start();
            _ = Task.Run(AcceptLoopAsync);
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public List<string> RequestLines { get; } = [];

        public string? ProxyAuthorization { get; private set; }

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            while (true)
            {
                var requestLine = await reader.ReadLineAsync();
                if (string.IsNullOrEmpty(requestLine))
                {
                    return;
                }

                string? authorization = null;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    if (line.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))
                    {
                        authorization = line["Proxy-Authorization:".Length..].Trim();
                    }
                }

                lock (RequestLines)
                {
                    RequestLines.Add(requestLine);
                }

                string response;
                if (authorization is null)
                {
                    response = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n";
                }
                else
                {
                    ProxyAuthorization = authorization;
                    response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\nproxied";
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            }
        }

        public void Dispose() => _listener.Stop();
    }

    [Fact]
    public async Task SendAsync_ExplicitProxyWithCredentials_SendsAbsoluteFormThroughTheProxy()
    {
        using var proxy = new RecordingProxy();
        var options = TestClients.FastOptions(new Uri("http://api.example.invalid/v1/"));
        options.Proxy.Address = proxy.Address;
        options.Proxy.UserName = "proxyuser";
        options.Proxy.Password = "proxy-pass-123";
        using var client = new ConduitClient(options);

        var response = await client.GetAsync("things?limit=1", TestContext.Current.CancellationToken);

        Assert.Equal("proxied", response.Text);
        Assert.Contains("GET http://api.example.invalid/v1/things?limit=1 HTTP/1.1", proxy.RequestLines);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("proxyuser:proxy-pass-123")), proxy.ProxyAuthorization);
    }
}
