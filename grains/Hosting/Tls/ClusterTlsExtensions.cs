using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Hub.Grains.Hosting.Tls;

public static class ClusterTlsExtensions
{
    /// <summary>
    /// With <c>Hub:Tls</c> settings, every silo-to-silo and gateway connection is mutual TLS.
    /// This is what Orleans' <c>UseTls</c> wires, except that the certificates are read when the
    /// silo starts rather than while the host is built, so options validation reports a
    /// missing file by its setting.
    /// </summary>
    public static ISiloBuilder AddClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(ClusterTlsOptions.Section);
        silo.Services.AddOptions<ClusterTlsOptions>().Bind(section).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<ClusterTlsOptions>, ClusterTlsOptionsValidator>();
        if (section.Get<ClusterTlsOptions>()?.IsEnabled != true)
        {
            return silo;
        }
        silo.Services.AddSingleton(services => ClusterCertificates.Load(services.GetRequiredService<IOptions<ClusterTlsOptions>>().Value));
        silo.Services.AddOptions<SiloConnectionOptions>().Configure<ClusterCertificates>((connections, certificates) =>
        {
            var tls = new TlsOptions();
            certificates.ApplyTo(tls);
            connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(tls));
            connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(tls));
            connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(tls));
        });
        return silo;
    }
}
