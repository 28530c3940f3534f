namespace Hub.Grains.Hosting;

/// <summary>This process's place in the cluster, bound from <c>Hub</c>.</summary>
public sealed class SiloOptions
{
    public const string Section = "Hub";

    public string ClusterId { get; set; } = "hub";
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port of the Orleans gateway, used only when <see cref="OpenGateway"/> is set.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Opens the Orleans gateway, for an Orleans client in another process. Web nodes co-host
    /// their client and headless silos have none, so the hub itself never needs it: a closed
    /// gateway is one less port through which any grain can be called as anyone.
    /// </summary>
    public bool OpenGateway { get; set; }

    /// <summary>
    /// For a cluster of processes on one machine without a database: the silo endpoint
    /// (e.g. 127.0.0.1:11111) of the process the others join. Empty for a single process.
    /// </summary>
    public string? PrimarySiloEndpoint { get; set; }

    /// <summary>
    /// With PostgreSQL clustering: the address other silos reach this one at. The loopback
    /// default suits a cluster on one machine; hosts of a wider cluster set their own.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// With PostgreSQL clustering: the interface the silo (and an open gateway) listens on;
    /// empty for the advertised address. 0.0.0.0 listens on every interface, which only a
    /// host behind address translation should need.
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>How soon a crashed silo's entry in the membership table counts as stale.</summary>
    public HeartbeatOptions Membership { get; set; } = new();
}
