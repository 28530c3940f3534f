using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>
/// A follower that stops reading during a fan-out: the node closes it once its outgoing buffer
/// is full, and every other follower keeps receiving every update.
/// </summary>
public sealed class SlowReaderTests
{
    private const int Followers = 40;
    private const int Updates = 150;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_follower_that_stops_reading_is_closed_while_every_other_follower_gets_every_update()
    {
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["Hub:Limits:OutgoingBufferBytes"] = "65536" },
            services: services => services.Configure<SocketTransportOptions>(SmallSendBuffers));
        var api = new HubApi(node.Address);
        var account = await api.Account();
        var press = await api.Press(account);
        var eventId = await api.OpenEvent(press.Token, account, severity: 4);
        await using var officer = await LiveClient.Connect(node.Address, press.Token);

        var readers = await Task.WhenAll(Enumerable.Range(0, Followers).Select(async _ =>
        {
            var follower = await RawHubSocket.Connect(node.Address);
            await follower.Invoke("FollowEvent", eventId);
            return follower;
        }));
        var counting = readers.Select(CountUpdates).ToArray();
        await using var slow = await RawHubSocket.Connect(node.Address, receiveBufferBytes: 4096);
        await slow.Invoke("FollowEvent", eventId);

        // From here the slow follower reads nothing while long statements go out to everyone.
        var text = new string('通', 4000);
        for (var i = 0; i < Updates; i++)
        {
            var draft = await officer.Invoke<JsonElement>("DraftStatement", eventId, text);
            await officer.Invoke<JsonElement>("PublishStatement", eventId, draft.Str("statementId"));
        }

        var received = await Task.WhenAll(counting).WaitAsync(Deadline);
        Assert.All(received, count => Assert.Equal(Updates, count));
        var slowReceived = 0;
        var reading = System.Diagnostics.Stopwatch.StartNew();
        while (await slow.Next(Deadline) is { } message)
        {
            // The node's pings would keep an open connection talking for ever.
            Assert.True(reading.Elapsed < Deadline, "the node never closed the follower that stopped reading");
            slowReceived += IsUpdate(message) ? 1 : 0;
        }
        Assert.InRange(slowReceived, 0, Updates - 1);
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }
    }

    /// <summary>
    /// A fixed, small send buffer on the node's sockets (accepted ones inherit it from the
    /// listener), as a slow network path would leave: the kernel would otherwise take megabytes
    /// for a client that does not read before the node's own buffer fills.
    /// </summary>
    private static void SmallSendBuffers(SocketTransportOptions sockets) =>
        sockets.CreateBoundListenSocket = endpoint =>
        {
            var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            listener.SendBufferSize = 32 * 1024;
            return listener;
        };

    /// <summary>Reads a follower's updates until the last one; answers how many arrived.</summary>
    private static async Task<int> CountUpdates(RawHubSocket follower)
    {
        var count = 0;
        while (await follower.Next(Deadline) is { } message)
        {
            if (IsUpdate(message) && ++count == Updates)
            {
                break;
            }
        }
        return count;
    }

    private static bool IsUpdate(JsonElement message) =>
        message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == "eventUpdate";
}
