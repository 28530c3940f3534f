using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Hub.Web.Tests;

/// <summary>
/// An Orleans client of its own host that reaches a cluster only through one node's gateway,
/// as a process on another machine would.
/// </summary>
public sealed class GatewayClient : IAsyncDisposable
{
    private readonly IHost _host;

    private GatewayClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<GatewayClient> Connect(int gatewayPort, string clusterId, Action<IClientBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, "hub"));
            // A refused connection ends the start with its error rather than being tried again.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            configure(client);
        });
        var connected = new GatewayClient(builder.Build());
        try
        {
            await connected._host.StartAsync();
            return connected;
        }
        catch
        {
            await connected.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(stopping.Token);
        _host.Dispose();
    }
}
