namespace Hub.Grains.Hosting.Tls;

/// <summary>
/// Mutual TLS between the silos of a cluster (and any Orleans client at an open gateway),
/// bound from <c>Hub:Tls</c>. Left empty, the cluster's connections are plain TCP, which is
/// only safe while the silo ports are reachable from the cluster's own hosts alone.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Hub:Tls";

    /// <summary>This node's certificate: a PKCS#12 file (.pfx, .p12) or a PEM certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate; empty when the key is in the certificate's file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 file or of an encrypted PEM key.</summary>
    public string? Password { get; set; }

    /// <summary>The certificate authority (PEM or DER) every peer's certificate must be issued by.</summary>
    public string? AuthorityPath { get; set; }

    /// <summary>Any setting given turns TLS on, so a half-configured node fails to start rather than running in plain TCP.</summary>
    public bool IsEnabled => new[] { CertificatePath, KeyPath, Password, AuthorityPath }.Any(setting => !string.IsNullOrEmpty(setting));
}
