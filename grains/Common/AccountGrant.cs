namespace Hub.Grains.Common;

/// <summary>The roles one staff member holds in one account; the same person may hold different roles in another.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-grant")]
public sealed record AccountGrant(
    [property: Id(0)] string AccountId,
    [property: Id(1)] IReadOnlyList<string> Roles)
{
    /// <summary>Roles that belong to the whole hub rather than to an account.</summary>
    public static bool IsGlobal(string role) => role is Common.Roles.Admin or Common.Roles.Citizen;

    public static IReadOnlyList<AccountGrant> Everywhere(IReadOnlyList<string> accountIds, IReadOnlyList<string> roles)
    {
        var accountRoles = roles.Where(r => !IsGlobal(r)).ToList();
        return accountRoles.Count == 0 ? [] : [.. accountIds.Select(a => new AccountGrant(a, accountRoles))];
    }
}
