namespace Hub.Grains.Common;

/// <summary>
/// Who is calling, as the signed token says. Hosts build it from the token; grains decide
/// with it, and check account membership against their own rosters where it matters.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.caller")]
public sealed record Caller(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] IReadOnlyList<string> AccountIds)
{
    public bool HasRole(string role) => Roles.Contains(role);

    public bool IsStaffOf(string accountId) => AccountIds.Contains(accountId);
}
