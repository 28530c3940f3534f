namespace Hub.Grains.Accounts;

/// <summary>A government account on one or more channels, as citizens see it.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-profile")]
public sealed record AccountProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Department,
    [property: Id(3)] DateTimeOffset CreatedAt);
