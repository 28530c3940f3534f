using Hub.Grains.Common;

namespace Hub.Grains.Staff;

/// <summary>
/// What a signed-in staff member's token says about them. <see cref="Roles"/> and
/// <see cref="AccountIds"/> summarise <see cref="Grants"/> (plus admin, which belongs to no
/// account) for clients that only ask "which roles, which accounts". The stamp changes
/// whenever the member is disabled or their roles or password change, and a token carrying
/// an older stamp is no longer accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.staff-identity")]
public sealed record StaffIdentity(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] IReadOnlyList<string> AccountIds,
    [property: Id(5)] IReadOnlyList<AccountGrant> Grants,
    [property: Id(6)] string Stamp)
{
    public bool IsAdmin => Roles.Contains(Common.Roles.Admin);

    public static StaffIdentity Of(string userId, string username, string displayName, bool isAdmin, IEnumerable<AccountGrant> grants)
    {
        IReadOnlyList<AccountGrant> kept = [.. grants.Where(g => g.Roles.Count > 0).OrderBy(g => g.AccountId, StringComparer.Ordinal)];
        IReadOnlyList<string> roles = [.. (isAdmin ? [Common.Roles.Admin] : Array.Empty<string>()).Concat(kept.SelectMany(g => g.Roles)).Distinct()];
        return new StaffIdentity(userId, username, displayName, roles, [.. kept.Select(g => g.AccountId)], kept, NewStamp());
    }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>The same member with a fresh stamp, so every token issued before stops working.</summary>
    public StaffIdentity Restamped() => this with { Stamp = NewStamp() };

    /// <summary>The roles this member holds in one account (none when not a member).</summary>
    public IReadOnlyList<string> RolesIn(string accountId) =>
        Grants.FirstOrDefault(g => g.AccountId == accountId)?.Roles ?? [];
}

/// <summary>A new staff member as the admin enters them.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-registration")]
public sealed record StaffRegistration(
    [property: Id(0)] string Password,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] IReadOnlyList<string> AccountIds,
    [property: Id(4)] string? Email = null);

/// <summary>
/// An admin's change to a staff member; null fields stay as they are. Roles apply to
/// <see cref="AccountId"/> when it is given (adding the member to that account, or removing
/// them from it with no roles), otherwise to every account the member serves. An empty
/// <see cref="Email"/> removes the address.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.staff-change")]
public sealed record StaffChange(
    [property: Id(0)] bool? Disabled = null,
    [property: Id(1)] IReadOnlyList<string>? Roles = null,
    [property: Id(2)] string? Password = null,
    [property: Id(3)] string? AccountId = null,
    [property: Id(4)] string? Email = null);

/// <summary>A staff member as admins and supervisors see them.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-summary")]
public sealed record StaffSummary(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] IReadOnlyList<AccountGrant> Grants,
    [property: Id(6)] string? Email = null);
