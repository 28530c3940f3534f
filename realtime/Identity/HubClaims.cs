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

    public static ClaimsIdentity Identity(string userId, string displayName, IEnumerable<string> roles, IEnumerable<string> accountIds) =>
        new(
            [
                new Claim(UserId, userId),
                new Claim(Name, displayName),
                .. roles.Select(r => new Claim(Role, r)),
                .. accountIds.Select(a => new Claim(Account, a)),
            ],
            authenticationType: "hub", nameType: Name, roleType: Role);

    /// <summary>The caller, or null for an anonymous connection or request.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal? user)
    {
        var userId = user?.FindFirst(UserId)?.Value;
        if (user is null || userId is null)
        {
            return null;
        }
        return new Caller(
            userId,
            user.FindFirst(Name)?.Value ?? "",
            [.. user.FindAll(Role).Select(c => c.Value)],
            [.. user.FindAll(Account).Select(c => c.Value)]);
    }

    public static Caller RequireCaller(this ClaimsPrincipal? user) =>
        user.ToCaller() ?? throw RuleViolation.Unauthorized("a valid token is required");
}
