using System.ComponentModel.DataAnnotations;

namespace Hub.Grains.Accounts;

/// <summary>Routing settings, bound from <c>Hub:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Hub:Routing";

    /// <summary>How many open conversations one agent takes before new ones queue.</summary>
    [Range(1, 100)]
    public int AgentCapacity { get; set; } = 5;
}
