using Hub.Grains.Common;

namespace Hub.Grains.Governance.Posts;

/// <summary>
/// What an account publishes: a policy release, an interpretation (政策解读) of a policy the
/// account published, a notice, or a correction of an earlier post.
/// </summary>
public static class PostKind
{
    public const string Policy = "policy";
    public const string Interpretation = "interpretation";
    public const string Notice = "notice";
    public const string Correction = "correction";

    private static readonly string[] All = [Policy, Interpretation, Notice, Correction];

    public static string Require(string? kind) =>
        All.Contains(kind) ? kind! : throw RuleViolation.BadRequest($"kind must be one of {string.Join(", ", All)}");
}
