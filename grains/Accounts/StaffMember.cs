namespace Hub.Grains.Accounts;

/// <summary>A member of an account's staff roster, with the roles they hold in this account.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-member")]
public sealed record StaffMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] string Username = "",
    [property: Id(4)] bool Disabled = false)
{
    /// <summary>Whether conversations may be routed to this member.</summary>
    public bool Routable => !Disabled && Roles.Contains(Common.Roles.Agent);
}
