using System.Net;
using System.Net.Sockets;
using System.Text;
using Conduit.Http.Tests.Infrastructure;

namespace Conduit.Http.Tests.Pipeline;

/// <summary>
/// A response whose body stops short of its framing (a Content-Length larger than what was sent, a chunk never
/// finished) on a connection the server keeps open: the call must end with an <see cref="ApiException"/> once its
/// timeout passes, in the synchronous API as in the asynchronous one — a blocked socket read must not outlive it.
/// </summary>
public sealed class MisframedBodyTests
{
    public static TheoryData<string, bool> Framings()
    {
        var data = new TheoryData<string, bool>();
        string[] heads =
        [
            "Content-Length: 100",
            "Content-Length: 100\r\nContent-Length: 3",
            "Content-Length: 100\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: chunked",
        ];
        foreach (var head in heads)
        {
            data.Add(head, false);
            data.Add(head, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task BodyShortOfItsFraming_OnAConnectionKeptOpen_EndsWithAnApiException(string headers, bool async)
    {
        using var server = new StallingServer($"HTTP/1.1 200 X\r\nContent-Type: application/json\r\n{headers}\r\n\r\n" + (headers.Contains("chunked", StringComparison.Ordinal) ? "20\r\n{\"id\":\"abc\"" : "{\"id\":\"abc\"}"));
        var options = TestClients.FastOptions(server.Address, maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        options.TotalTimeout = TimeSpan.FromSeconds(1.5);
        using var client = new ConduitClient(options);

        var call = async
            ? client.SendAsync(ApiRequest.Get("x"), TestContext.Current.CancellationToken)
            : Task.Factory.StartNew(() => client.Send(ApiRequest.Get("x"), TestContext.Current.CancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Not a speed check: a hang guard far above the 1.5 s total timeout.
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<ApiException>(() => call);
    }

    /// <summary>Answers every connection with the same bytes, then neither sends nor closes until disposed.</summary>
    private sealed class StallingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly byte[] _response;
        private readonly List<TcpClient> _clients = [];

        public StallingServer(string response)
        {
            _response = Encoding.Latin1.GetBytes(response);
            _listener.Start();
            _ = Task.Run(AcceptLoopAsync);
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public void Dispose()
        {
            _listener.Stop();
            lock (_clients)
            {
                foreach (var client in _clients)
                {
                    client.Dispose();
                }
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                    return;
                }

                lock (_clients)
                {
                    _clients.Add(client);
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[8192];
                        var request = new StringBuilder();
                        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var n = await stream.ReadAsync(buffer);
                            if (n == 0)
                            {
                                return;
                            }

                            request.Append(Encoding.Latin1.GetString(buffer, 0, n));
                        }

                        await stream.WriteAsync(_response);
                        await stream.FlushAsync();
                    }
                    catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
                    {
                        // The client gave up and closed the connection.
                    }
                });
            }
        }
    }
}
