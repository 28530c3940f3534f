using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Testing;

/// <summary>
/// A real SignalR client on the hub that records every server event, so tests await the
/// event they expect (with a deadline) instead of sleeping.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly string[] Events =
        ["message", "conversationAssigned", "conversationStatus", "conversationTransferred", "typing", "readReceipt",
         "eventUpdate", "eventStatus", "clockChanged", "clockAlert", "statementChanged", "questionUpdated", "questionPinned", "votesChanged",
         "postPublished", "postWithdrawn", "accountClosed", "channelReplyHeld", "inspectionCompleted", "accountIndicatorsChanged"];

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ServedRetryPause = TimeSpan.FromMilliseconds(250);

    private readonly List<(string Name, JsonElement Payload)> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in Events)
        {
            connection.On<JsonElement>(name, payload => Record(name, payload));
        }
    }

    public HubConnection Connection { get; }

    /// <summary>
    /// Connects and calls until a node answers, as the pages do after a reconnect: a node that
    /// has just started (or lost a peer) may close a connection it could not open yet.
    /// </summary>
    public static async Task<T> UntilServed<T>(Uri address, string token, Func<LiveClient, Task<T>> call, TimeSpan within)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var client = await Connect(address, token);
                return await call(client);
            }
            catch (Exception) when (waited.Elapsed < within)
            {
                await Task.Delay(ServedRetryPause);
            }
        }
    }

    public static async Task<LiveClient> Connect(Uri address, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<T> Invoke<T>(string method, params object?[] args) => Connection.InvokeCoreAsync<T>(method, args);

    public Task Invoke(string method, params object?[] args) => Connection.InvokeCoreAsync(method, args);

    /// <summary>A conversation's whole history, page by page as a client reads a long one.</summary>
    public async Task<JsonElement[]> WholeHistory(string conversationId)
    {
        var all = new List<JsonElement>();
        while (await Invoke<JsonElement[]>("GetHistory", conversationId, all.Count == 0 ? 0L : all[^1].Long("seq")) is { Length: > 0 } page)
        {
            all.AddRange(page);
        }
        return [.. all];
    }

    /// <summary>The first event of that name (optionally matching) received so far or within the deadline.</summary>
    public async Task<JsonElement> Next(string name, Func<JsonElement, bool>? match = null, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? DefaultWait);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                foreach (var (eventName, payload) in _received)
                {
                    if (eventName == name && (match is null || match(payload)))
                    {
                        return payload;
                    }
                }
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no '{name}' event arrived in time; received: {Describe()}");
            }
        }
    }

    public IReadOnlyList<JsonElement> Received(string name)
    {
        lock (_gate)
        {
            return [.. _received.Where(r => r.Name == name).Select(r => r.Payload)];
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Record(string name, JsonElement payload)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _received.Add((name, payload.Clone()));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.SetResult();
    }

    private string Describe()
    {
        lock (_gate)
        {
            return string.Join(", ", _received.Select(r => $"{r.Name} {r.Payload}"));
        }
    }
}
