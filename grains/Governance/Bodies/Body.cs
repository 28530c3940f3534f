namespace Hub.Grains.Governance.Bodies;

/// <summary>A government body (主办单位) in the tree; the root bodies have no parent.</summary>
[GenerateSerializer, Immutable, Alias("hub.body")]
public sealed record Body(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Level,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>A body as an admin enters it.</summary>
[GenerateSerializer, Immutable, Alias("hub.new-body")]
public sealed record NewBody(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Level,
    [property: Id(3)] string? ParentId);
