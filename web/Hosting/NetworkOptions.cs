using System.Net;

namespace Hub.Web.Hosting;

/// <summary>
/// The reverse proxies in front of the node, bound from <c>Hub:Network</c>. X-Forwarded-For and
/// X-Forwarded-Proto are believed only from these; with none configured they are ignored, so a
/// client cannot choose the address its limits are counted against.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Hub:Network";

    /// <summary>Addresses of trusted proxies, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool HasProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public bool IsValid =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}
