using System.Text.RegularExpressions;
using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>Account ids are lower-case <c>[a-z0-9-]{2,64}</c>, so they are safe in URLs and grain keys.</summary>
public static partial class AccountId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id) =>
        IsValid(id) ? id! : throw RuleViolation.BadRequest("account id must match [a-z0-9-]{2,64}");

    [GeneratedRegex("^[a-z0-9-]{2,64}$")]
    private static partial Regex Pattern();
}
