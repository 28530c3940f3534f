using System.Net;
using System.Net.Sockets;

namespace Hub.Web.Tests;

/// <summary>
/// The embedded default opens no Orleans port another machine can reach: the web node
/// co-hosts its client, so no gateway listens even where a gateway port is configured, and
/// the silo port is bound to loopback alone.
/// </summary>
public sealed class ClusterPortTests : IAsyncLifetime
{
    private readonly HubAppFactory _node = new();

    public Task InitializeAsync()
    {
        _ = _node.Address;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task No_gateway_listens_on_the_configured_gateway_port()
    {
        var gatewayPort = int.Parse(_node.Setting("Hub:GatewayPort"));

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, gatewayPort));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Empty(TcpListeners.On(gatewayPort));
    }

    [Fact]
    public async Task The_silo_port_listens_on_loopback_only()
    {
        var siloPort = int.Parse(_node.Setting("Hub:SiloPort"));

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, siloPort);

        var listeners = TcpListeners.On(siloPort);
        Assert.NotEmpty(listeners);
        Assert.All(listeners, address => Assert.True(IPAddress.IsLoopback(address), $"the silo port listens on {address}"));
    }
}
