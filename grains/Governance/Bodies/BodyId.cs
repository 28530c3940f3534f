using System.Text.RegularExpressions;
using Hub.Grains.Common;

namespace Hub.Grains.Governance.Bodies;

/// <summary>Body ids are lower-case <c>[a-z0-9-]{2,64}</c>, like account ids, so they are safe in URLs and grain keys.</summary>
public static partial class BodyId
{
    public static string Require(string? id) =>
        id is not null && Pattern().IsMatch(id) ? id : throw RuleViolation.BadRequest("body id must match [a-z0-9-]{2,64}");

    [GeneratedRegex("^[a-z0-9-]{2,64}$")]
    private static partial Regex Pattern();
}
