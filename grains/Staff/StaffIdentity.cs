namespace Hub.Grains.Staff;

/// <summary>What a signed-in staff member's token says about them.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-identity")]
public sealed record StaffIdentity(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] IReadOnlyList<string> AccountIds);

/// <summary>A new staff member as the admin enters them.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-registration")]
public sealed record StaffRegistration(
    [property: Id(0)] string Password,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] IReadOnlyList<string> AccountIds);
