namespace Hub.Grains.Common;

/// <summary>
/// Who is calling, as the signed token says. Hosts build it from the token; grains decide
/// with it, and check account membership against their own rosters where it matters.
/// Staff hold roles per account (<see cref="Grants"/>); <see cref="Roles"/> is every role the
/// caller holds anywhere, with admin and citizen, which belong to no account.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.caller")]
public sealed record Caller(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] IReadOnlyList<string> AccountIds,
    [property: Id(4)] IReadOnlyList<AccountGrant> Grants)
{
    /// <summary>A caller who holds each of their roles in each of their accounts.</summary>
    public Caller(string userId, string displayName, IReadOnlyList<string> roles, IReadOnlyList<string> accountIds)
        : this(userId, displayName, roles, accountIds, AccountGrant.Everywhere(accountIds, roles))
    {
    }

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Whether the caller holds <paramref name="role"/> in that account (admins hold no account roles by being admins).</summary>
    public bool HasRoleIn(string accountId, string role) =>
        Grants.Any(g => g.AccountId == accountId && g.Roles.Contains(role));

    /// <summary>Whether the caller holds <paramref name="role"/> in any of those accounts.</summary>
    public bool HasRoleInAny(IEnumerable<string> accountIds, string role) => accountIds.Any(a => HasRoleIn(a, role));

    /// <summary>The accounts in which the caller holds <paramref name="role"/>.</summary>
    public IEnumerable<string> AccountsWhere(string role) =>
        Grants.Where(g => g.Roles.Contains(role)).Select(g => g.AccountId);
}
