using Hub.Grains.Common;

namespace Hub.Grains.Governance.Bodies;

/// <summary>
/// Reads the tree: a body's ancestors and subtree, and what a caller may do there. The global
/// admin manages everything; a member holds their roles over their body's whole subtree.
/// </summary>
public sealed class BodyScope(BodyTreeState tree)
{
    public Body Require(string? bodyId) =>
        bodyId is not null && tree.Bodies.TryGetValue(bodyId, out var body)
            ? body
            : throw RuleViolation.NotFound($"body '{bodyId}' does not exist");

    /// <summary>The body itself, then its parent, up to its root.</summary>
    public IEnumerable<string> SelfAndAncestors(string bodyId)
    {
        for (string? id = bodyId; id is not null; id = tree.Bodies[id].ParentId)
        {
            yield return id;
        }
    }

    public bool IsWithin(string bodyId, string ancestorId) => SelfAndAncestors(bodyId).Contains(ancestorId);

    public IReadOnlyList<Body> Subtree(string bodyId) =>
        [.. tree.Bodies.Values.Where(b => IsWithin(b.Id, bodyId)).OrderBy(b => Depth(b.Id)).ThenBy(b => b.Id, StringComparer.Ordinal)];

    public int Depth(string bodyId) => SelfAndAncestors(bodyId).Count() - 1;

    public bool Administers(Caller caller, string bodyId) =>
        caller.HasRole(Roles.Admin) || (Membership(caller) is { Administers: true } member && IsWithin(bodyId, member.BodyId));

    public bool Reads(Caller caller, string bodyId) =>
        caller.HasRole(Roles.Admin) || (Membership(caller) is { Reads: true } member && IsWithin(bodyId, member.BodyId));

    public void RequireAdministers(Caller caller, string bodyId)
    {
        Require(bodyId);
        if (!Administers(caller, bodyId))
        {
            throw RuleViolation.Forbidden($"only the admins of body '{bodyId}' or of a body above it manage it");
        }
    }

    public void RequireReads(Caller caller, string bodyId)
    {
        Require(bodyId);
        if (!Reads(caller, bodyId))
        {
            throw RuleViolation.Forbidden($"only the admins and inspectors of body '{bodyId}' or of a body above it read it");
        }
    }

    public AccountPlacement RequirePlacement(string accountId) =>
        tree.Accounts.TryGetValue(accountId, out var placement)
            ? placement
            : throw RuleViolation.NotFound($"account '{accountId}' belongs to no body");

    private BodyMember? Membership(Caller caller) => tree.Members.GetValueOrDefault(caller.UserId);
}
