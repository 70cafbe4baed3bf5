using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.Streaming;

/// <summary>A raw <see cref="ClientWebSocket"/> on a sandbox's stream endpoint, with bounded receives.</summary>
internal sealed class StreamTestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private StreamTestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>Connects with the sandbox's first token (or <paramref name="token"/>, or none when empty) and/or cookies.</summary>
    public static async Task<StreamTestClient> ConnectAsync(MistSandbox sandbox, string? token = null, CookieContainer? cookies = null)
    {
        var socket = Create(token ?? (cookies is null ? sandbox.Seed.Tokens[0] : string.Empty), cookies);
        await socket.ConnectAsync(new Uri(sandbox.StreamUrl), SandboxTestHost.Token);
        return new StreamTestClient(socket);
    }

    /// <summary>A handshake expected to fail: the socket, with <c>HttpStatusCode</c> and headers collected.</summary>
    public static async Task<ClientWebSocket> RefusedAsync(MistSandbox sandbox, string token)
    {
        var socket = Create(token, null);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(sandbox.StreamUrl), SandboxTestHost.Token));
        return socket;
    }

    public Task SendAsync(string text)
        => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, SandboxTestHost.Token);

    public Task SubscribeAsync(string channel) => SendAsync(new JsonObject { ["subscribe"] = channel }.ToJsonString());

    public Task UnsubscribeAsync(string channel) => SendAsync(new JsonObject { ["unsubscribe"] = channel }.ToJsonString());

    /// <summary>Subscribes and returns the acknowledgement or failure for that channel.</summary>
    public async Task<JsonObject> SubscribeAndWaitAsync(string channel)
    {
        await SubscribeAsync(channel);
        return await ReceiveAsync(f => (string?)f["channel"] == channel && (string?)f["event"] is "channel_subscribed" or "subscribe_failed");
    }

    /// <summary>The next text message, within <see cref="Timeout"/>; null when the server closed the connection.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(SandboxTestHost.Token);
        timeout.CancelAfter(Timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, SandboxTestHost.Token);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>The next frame, parsed.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var text = await ReceiveTextAsync() ?? throw new InvalidOperationException("The server closed the connection.");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The first frame that matches, skipping others (at most 10000).</summary>
    public async Task<JsonObject> ReceiveAsync(Func<JsonObject, bool> match)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var frame = await ReceiveAsync();
            if (match(frame))
            {
                return frame;
            }
        }

        throw new InvalidOperationException("No matching frame.");
    }

    /// <summary>The next data frame on <paramref name="channel"/>, with its <c>data</c> string decoded.</summary>
    public async Task<JsonObject> ReceiveDataAsync(string channel)
    {
        var frame = await ReceiveAsync(f => (string?)f["event"] == "data" && (string?)f["channel"] == channel);
        return JsonNode.Parse((string)frame["data"]!)!.AsObject();
    }

    public void Dispose() => Socket.Dispose();

    private static ClientWebSocket Create(string token, CookieContainer? cookies)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token.Length > 0)
        {
            socket.Options.SetRequestHeader("Authorization", $"Token {token}");
        }

        if (cookies is not null)
        {
            socket.Options.Cookies = cookies;
        }

        return socket;
    }
}
