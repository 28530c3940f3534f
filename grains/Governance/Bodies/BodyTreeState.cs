namespace Hub.Grains.Governance.Bodies;

[GenerateSerializer, Alias("hub.body-tree-state")]
public sealed class BodyTreeState
{
    [Id(0)] public Dictionary<string, Body> Bodies { get; set; } = [];

    /// <summary>Each placed account's body, channel and handle, by account id.</summary>
    [Id(1)] public Dictionary<string, AccountPlacement> Accounts { get; set; } = [];

    /// <summary>Each staff member's body and roles over its subtree, by user id.</summary>
    [Id(2)] public Dictionary<string, BodyMember> Members { get; set; } = [];

    /// <summary>The bodies with webhook subscriptions, which take the events of their subtree's accounts.</summary>
    [Id(3)] public HashSet<string> WebhookSubscribers { get; set; } = [];
}
