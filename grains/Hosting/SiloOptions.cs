namespace Hub.Grains.Hosting;

/// <summary>This process's place in the cluster, bound from <c>Hub</c>.</summary>
public sealed class SiloOptions
{
    public const string Section = "Hub";

    public string ClusterId { get; set; } = "hub";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

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
}
