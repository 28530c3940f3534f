using System.Security.Claims;
using Hub.Grains.Common;

namespace Hub.Realtime.Identity;

/// <summary>The claims a Hub token carries, and the caller they describe.</summary>
public static class HubClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Account = "acct";

    /// <summary>One per account and role a staff member holds there, as "account:role".</summary>
    public const string Grant = "grant";

    /// <summary>The staff member's username (their grain's key) and security stamp, checked on every use.</summary>
    public const string Username = "staff";
    public const string Stamp = "stamp";

    public static ClaimsIdentity Identity(string userId, string displayName, IEnumerable<string> roles, IEnumerable<string> accountIds) =>
        new(
            [
                new Claim(UserId, userId),
                new Claim(Name, displayName),
                .. roles.Select(r => new Claim(Role, r)),
                .. accountIds.Select(a => new Claim(Account, a)),
            ],
            authenticationType: "hub", nameType: Name, roleType: Role);

    public static ClaimsIdentity StaffIdentity(
        string userId, string username, string displayName, IEnumerable<string> roles, IEnumerable<AccountGrant> grants, string stamp)
    {
        var identity = Identity(userId, displayName, roles, grants.Select(g => g.AccountId));
        identity.AddClaims(grants.SelectMany(g => g.Roles.Select(r => new Claim(Grant, $"{g.AccountId}:{r}"))));
        identity.AddClaim(new Claim(Username, username));
        identity.AddClaim(new Claim(Stamp, stamp));
        return identity;
    }

    /// <summary>The staff member and stamp a token names, or null for a citizen's token.</summary>
    public static (string Username, string Stamp)? StaffStamp(this ClaimsPrincipal? user) =>
        user?.FindFirst(Username)?.Value is { } username && user.FindFirst(Stamp)?.Value is { } stamp ? (username, stamp) : null;

    /// <summary>The caller, or null for an anonymous connection or request.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal? user)
    {
        var userId = user?.FindFirst(UserId)?.Value;
        if (user is null || userId is null)
        {
            return null;
        }
        IReadOnlyList<AccountGrant> grants = [.. user.FindAll(Grant)
            .Select(c => c.Value.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], parts => parts[1])
            .Select(g => new AccountGrant(g.Key, [.. g]))];
        return new Caller(
            userId,
            user.FindFirst(Name)?.Value ?? "",
            [.. user.FindAll(Role).Select(c => c.Value)],
            [.. user.FindAll(Account).Select(c => c.Value)],
            grants);
    }

    public static Caller RequireCaller(this ClaimsPrincipal? user) =>
        user.ToCaller() ?? throw RuleViolation.Unauthorized("a valid token is required");
}
