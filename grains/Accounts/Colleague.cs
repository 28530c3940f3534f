namespace Hub.Grains.Accounts;

/// <summary>An agent of the same account who could take a conversation now, with what they hold.</summary>
[GenerateSerializer, Immutable, Alias("hub.colleague")]
public sealed record Colleague(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int Open,
    [property: Id(3)] int Capacity);
