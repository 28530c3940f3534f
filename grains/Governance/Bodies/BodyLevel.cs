using Hub.Grains.Common;

namespace Hub.Grains.Governance.Bodies;

/// <summary>
/// The levels of government a body (主办单位) sits at. A body sits below its parent's level,
/// except bureaus, which may hold bureaus of their own (a department's offices).
/// </summary>
public static class BodyLevel
{
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Bureau = "bureau";

    private static readonly string[] Ordered = [Province, City, County, Bureau];

    public static string Require(string? level) =>
        Ordered.Contains(level) ? level! : throw RuleViolation.BadRequest($"level must be one of {string.Join(", ", Ordered)}");

    public static bool MayHold(string parent, string child) =>
        Array.IndexOf(Ordered, child) > Array.IndexOf(Ordered, parent) || (parent == Bureau && child == Bureau);
}
