namespace Hub.Grains.Accounts;

/// <summary>A member of an account's staff roster.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-member")]
public sealed record StaffMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles);
