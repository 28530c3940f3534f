using System.Net;
using Hub.Grains.Accounts;
using Hub.Grains.Hosting.Tls;
using Orleans.Connections.Security;
using Orleans.Runtime.Messaging;

namespace Hub.Web.Tests;

/// <summary>
/// In a cluster with Hub:Tls, only a holder of a certificate from the cluster's authority
/// can call a grain: a plain client, a TLS client without a certificate and one whose
/// certificate comes from another authority are all refused at the gateway.
/// </summary>
public sealed class ClusterTlsTests(TlsCluster cluster) : IClassFixture<TlsCluster>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_client_with_a_certificate_from_the_cluster_authority_calls_grains_of_both_silos()
    {
        var member = new ClusterCertificates(cluster.Authority.Issue("operator"), cluster.Authority.Certificate);

        await using var client = await GatewayClient.Connect(cluster.GatewayPort, cluster.ClusterId, c => c.UseTls(member.ApplyTo)).WaitAsync(Deadline);

        var silos = await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Deadline);
        Assert.Equal(2, silos.Count);
        Assert.NotNull(await client.Grains.GetGrain<IAccountDirectoryGrain>(0).List().WaitAsync(Deadline));
    }

    [Fact]
    public Task A_client_without_TLS_cannot_call_a_grain() => AssertShutOut(_ => { });

    [Fact]
    public Task A_client_without_a_certificate_cannot_call_a_grain() =>
        AssertShutOut(client => client.UseTls(tls =>
        {
            new ClusterCertificates(cluster.Authority.Issue("unused"), cluster.Authority.Certificate).ApplyTo(tls);
            tls.LocalCertificate = null;
            tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
        }));

    [Fact]
    public Task A_client_with_a_certificate_from_another_authority_cannot_call_a_grain()
    {
        var stranger = ClusterAuthority.Create("Someone else's authority").Issue("intruder");
        return AssertShutOut(client => client.UseTls(new ClusterCertificates(stranger, cluster.Authority.Certificate).ApplyTo));
    }

    [Fact]
    public void Only_the_node_that_opens_a_gateway_has_one_and_both_listen_on_their_advertised_address()
    {
        Assert.Equal([IPAddress.Loopback], TcpListeners.On(cluster.GatewayPort));
        Assert.Empty(TcpListeners.On(int.Parse(cluster.WithoutGateway.Setting("Hub:GatewayPort"))));
        foreach (var node in new[] { cluster.WithGateway, cluster.WithoutGateway })
        {
            Assert.Equal([IPAddress.Loopback], TcpListeners.On(int.Parse(node.Setting("Hub:SiloPort"))));
        }
    }

    [Fact]
    public async Task A_missing_certificate_file_stops_the_node_and_names_the_setting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"hub-missing-{Guid.NewGuid():N}.pfx");
        await using var node = new HubAppFactory(new Dictionary<string, string>
        {
            ["Hub:Tls:CertificatePath"] = missing,
            ["Hub:Tls:AuthorityPath"] = cluster.AuthorityPath,
        });

        var refused = Assert.ThrowsAny<Exception>(() => node.Address);

        Assert.Contains($"Hub:Tls:CertificatePath: there is no file '{missing}'", refused.ToString());
    }

    /// <summary>The gateway closes the connection during the handshake, so the client never gets to call a grain.</summary>
    private async Task AssertShutOut(Action<IClientBuilder> configure)
    {
        var attempt = ConnectAndCall(configure);

        await Assert.ThrowsAsync<ConnectionFailedException>(() => attempt.WaitAsync(Deadline));
    }

    private async Task ConnectAndCall(Action<IClientBuilder> configure)
    {
        await using var client = await GatewayClient.Connect(cluster.GatewayPort, cluster.ClusterId, configure);
        await client.Grains.GetGrain<IAccountDirectoryGrain>(0).List();
    }
}
