using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.Web.Tests;

/// <summary>
/// Two web nodes clustered through PostgreSQL whose connections are mutual TLS with
/// certificates of the cluster's own authority: the first reads a PKCS#12 file and opens a
/// gateway, the second reads a PEM certificate and key and opens none.
/// </summary>
public sealed class TlsCluster : IAsyncLifetime
{
    private const string PfxPassword = "node-pfx-password";

    private readonly string _directory = Directory.CreateTempSubdirectory("hub-tls-").FullName;
    private TestDatabase _database = null!;

    public ClusterAuthority Authority { get; } = ClusterAuthority.Create("Hub test cluster");

    public string ClusterId { get; } = $"tls-{Guid.NewGuid():N}";

    public string AuthorityPath => Path.Combine(_directory, "authority.pem");

    public HubAppFactory WithGateway { get; private set; } = null!;

    public HubAppFactory WithoutGateway { get; private set; } = null!;

    public int GatewayPort => int.Parse(WithGateway.Setting("Hub:GatewayPort"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        Authority.WriteCertificatePem(AuthorityPath);
        var pfx = Path.Combine(_directory, "node-1.pfx");
        File.WriteAllBytes(pfx, Authority.Issue("node-1").Export(X509ContentType.Pkcs12, PfxPassword));
        var pem = Path.Combine(_directory, "node-2.pem");
        var key = Path.Combine(_directory, "node-2.key");
        var second = Authority.Issue("node-2");
        File.WriteAllText(pem, second.ExportCertificatePem());
        File.WriteAllText(key, second.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Hub:ClusterId"] = ClusterId,
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Hub:Tls:AuthorityPath"] = AuthorityPath,
        };
        WithGateway = new HubAppFactory(new Dictionary<string, string>(shared)
        {
            ["Hub:OpenGateway"] = "true",
            ["Hub:Tls:CertificatePath"] = pfx,
            ["Hub:Tls:Password"] = PfxPassword,
        });
        _ = WithGateway.Address;
        WithoutGateway = new HubAppFactory(new Dictionary<string, string>(shared)
        {
            ["Hub:Tls:CertificatePath"] = pem,
            ["Hub:Tls:KeyPath"] = key,
        });
        _ = WithoutGateway.Address;
    }

    public async Task DisposeAsync()
    {
        await WithoutGateway.DisposeAsync();
        await WithGateway.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
