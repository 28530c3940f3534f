using Hub.Grains.Common;

namespace Hub.Grains.Governance.Bodies;

/// <summary>
/// A staff member's place in the tree: the body they belong to and the roles they hold over its
/// subtree. Admin manages the subtree's accounts and staff; inspector reads all of it. Their
/// roles in single accounts stay account grants, as for everyone.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.body-member")]
public sealed record BodyMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string BodyId,
    [property: Id(2)] IReadOnlyList<string> Roles)
{
    /// <summary>The roles held over a body's subtree.</summary>
    public static readonly IReadOnlyList<string> SubtreeRoles = [Common.Roles.Admin, Common.Roles.Inspector];

    public static IReadOnlyList<string> RequireRoles(IReadOnlyList<string>? roles)
    {
        roles ??= [];
        return roles.All(SubtreeRoles.Contains)
            ? [.. roles.Distinct()]
            : throw RuleViolation.BadRequest($"roles over a body are any of {string.Join(", ", SubtreeRoles)}");
    }

    public bool Administers => Roles.Contains(Common.Roles.Admin);

    public bool Reads => Administers || Roles.Contains(Common.Roles.Inspector);
}
