using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Hub.Grains.Hosting.Tls;

/// <summary>
/// This node's certificate and the cluster's certificate authority. A peer is a member of the
/// cluster when its certificate chains to that authority, and only to it: the machine's own
/// trusted roots play no part, so the authority should be one made for the cluster alone.
/// </summary>
public sealed class ClusterCertificates(X509Certificate2 certificate, X509Certificate2 authority)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public X509Certificate2 Authority { get; } = authority;

    /// <summary>Reads the files <paramref name="options"/> names; a missing or unreadable one is an error that names its setting.</summary>
    public static ClusterCertificates Load(ClusterTlsOptions options)
    {
        var certificate = Read(nameof(options.CertificatePath), options.CertificatePath, path => LoadOwn(path, options));
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"{Setting(nameof(options.CertificatePath))} '{options.CertificatePath}' has no private key: give a PKCS#12 file with its key, or the PEM key in {Setting(nameof(options.KeyPath))}");
        }
        var authority = Read(nameof(options.AuthorityPath), options.AuthorityPath, X509CertificateLoader.LoadCertificateFromFile);
        return new ClusterCertificates(certificate, authority);
    }

    /// <summary>
    /// Mutual TLS with this node's certificate: each side of a connection must show a
    /// certificate, and accepts the other's only when it is a member of the cluster.
    /// </summary>
    public void ApplyTo(TlsOptions tls)
    {
        tls.LocalCertificate = Certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Members are recognised by their issuer, not by host name, so a name mismatch reported by the platform does not matter.
        tls.RemoteCertificateValidation = (peer, chain, _) => IsMember(peer, chain);
    }

    /// <summary>Whether <paramref name="peer"/> was issued by the cluster's authority, with any intermediates the peer sent.</summary>
    public bool IsMember(X509Certificate2 peer, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        // A throwaway cluster authority publishes no revocation list; a leaked node key is handled by replacing the authority.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(peer);
    }

    private static X509Certificate2 LoadOwn(string path, ClusterTlsOptions options)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.Password);
        }
        if (!string.IsNullOrEmpty(options.KeyPath) && !File.Exists(options.KeyPath))
        {
            throw new InvalidOperationException($"{Setting(nameof(options.KeyPath))}: there is no file '{options.KeyPath}'");
        }
        return string.IsNullOrEmpty(options.Password)
            ? X509Certificate2.CreateFromPemFile(path, options.KeyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.Password, options.KeyPath);
    }

    private static X509Certificate2 Read(string property, string? path, Func<string, X509Certificate2> load)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"{Setting(property)} is required when any Hub:Tls setting is given");
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Setting(property)}: there is no file '{path}'");
        }
        try
        {
            return load(path);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{Setting(property)}: '{path}' cannot be read as a certificate: {e.Message}", e);
        }
    }

    private static string Setting(string property) => $"{ClusterTlsOptions.Section}:{property}";
}
