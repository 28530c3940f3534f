namespace Hub.Grains.Accounts;

/// <summary>
/// A government account on one or more channels, as citizens see it. <see cref="ClosedAt"/> is
/// set once a body admin has closed it: it takes no new conversations.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.account-profile")]
public sealed record AccountProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Department,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? ClosedAt = null);
