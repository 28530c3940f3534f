namespace Hub.Grains.Hosting;

/// <summary>This process's place in the cluster, bound from <c>Hub</c>.</summary>
public sealed class SiloOptions
{
    public const string Section = "Hub";

    public string ClusterId { get; set; } = "hub";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
}
