using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// A hub client on a bare WebSocket, speaking SignalR's JSON protocol itself, so a test decides
/// when it reads: one that stops reading is a client whose pushes pile up on the node. Its
/// socket's receive buffer can be made small, so the node's buffers fill soon.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly StringBuilder _pending = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private int _nextInvocation;

    private RawHubSocket(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>Connects anonymously without negotiation and completes the protocol handshake.</summary>
    public static async Task<RawHubSocket> Connect(Uri address, int receiveBufferBytes = 64 * 1024)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBufferBytes, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var webSocket = new ClientWebSocket();
        await webSocket.ConnectAsync(new UriBuilder(address) { Scheme = "ws", Path = "/hub" }.Uri, invoker, CancellationToken.None);
        var client = new RawHubSocket(webSocket, invoker);
        await client.Send(new { protocol = "json", version = 1 });
        var handshake = await client.Next(TimeSpan.FromSeconds(10));
        if (handshake is null || handshake.Value.TryGetProperty("error", out _))
        {
            throw new InvalidOperationException($"the handshake failed: {handshake}");
        }
        return client;
    }

    /// <summary>Calls a hub method and reads until its completion; answers the result.</summary>
    public async Task<JsonElement> Invoke(string target, params object?[] arguments)
    {
        var id = (++_nextInvocation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Send(new { type = 1, invocationId = id, target, arguments });
        while (await Next(TimeSpan.FromSeconds(15)) is { } message)
        {
            if (message.GetProperty("type").GetInt32() == 3 && message.GetProperty("invocationId").GetString() == id)
            {
                return message.TryGetProperty("error", out var error)
                    ? throw new InvalidOperationException(error.GetString())
                    : message.GetProperty("result");
            }
        }
        throw new InvalidOperationException($"the connection ended before {target} completed");
    }

    /// <summary>
    /// The next message the node sent, or null once the node has closed the connection (a close
    /// frame, or the socket reset); throws TimeoutException if nothing comes within the wait.
    /// </summary>
    public async Task<JsonElement?> Next(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var buffer = new byte[16 * 1024];
        var characters = new char[buffer.Length];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return JsonDocument.Parse(text[..end]).RootElement.Clone();
            }
            try
            {
                var received = await _socket.ReceiveAsync(buffer, deadline.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                // A character may be split between two reads; the decoder keeps its first bytes.
                _pending.Append(characters, 0, _utf8.GetChars(buffer, 0, received.Count, characters, 0));
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"nothing arrived within {within}");
            }
            catch (WebSocketException)
            {
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _invoker.Dispose();
        await Task.CompletedTask;
    }

    private Task Send(object message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message) + RecordSeparator), WebSocketMessageType.Text, true,
            CancellationToken.None);
}
