using Hub.Grains.Common;
using Orleans.Concurrency;

namespace Hub.Grains.Governance.Bodies;

/// <summary>
/// The matrix of government new media: bodies in a tree, the accounts each runs and the staff
/// who belong to each, one per cluster. Every change is checked against the caller's place in
/// the tree here, and a refused change stores nothing.
/// </summary>
public interface IBodyTreeGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a body under its parent (admins over the parent), or a root body (the global admin).</summary>
    Task<Body> AddBody(Caller admin, NewBody body);

    /// <summary>Moves a body and its subtree under another parent; conflict when that would make a cycle.</summary>
    Task<Body> MoveBody(Caller admin, string bodyId, string? parentId);

    /// <summary>Every body, roots first; public, as the bodies behind government accounts are.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Body>> GetBodies();

    /// <summary>Puts an existing account under a body (admins over that body, and over its current one).</summary>
    Task<AccountPlacement> PlaceAccount(Caller admin, AccountPlacement placement);

    /// <summary>The accounts of a body's whole subtree; public.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AccountPlacement>> GetAccounts(string bodyId);

    /// <summary>The account's body, channel and handle; not_found when it belongs to no body.</summary>
    [ReadOnly]
    Task<AccountPlacement> GetPlacement(string accountId);

    /// <summary>Makes a staff member belong to a body with roles over its subtree (admins over that body, and over their current one).</summary>
    Task<BodyMember> SetMember(Caller admin, string userId, string bodyId, IReadOnlyList<string> roles);

    /// <summary>The staff of a body's subtree, for its admins and inspectors.</summary>
    [ReadOnly]
    Task<IReadOnlyList<BodyMember>> GetMembers(Caller reader, string bodyId);

    /// <summary>The caller's own body and roles there, or null.</summary>
    [ReadOnly]
    Task<BodyMember?> GetMembership(string userId);

    /// <summary>forbidden unless the caller manages the body.</summary>
    [ReadOnly]
    Task RequireAdmin(Caller caller, string bodyId);

    /// <summary>forbidden unless the caller reads the body (its admins and inspectors, and those above).</summary>
    [ReadOnly]
    Task RequireReader(Caller caller, string bodyId);

    /// <summary>forbidden unless the caller manages the account's body (the global admin alone when it belongs to none).</summary>
    [ReadOnly]
    Task RequireAdminOfAccount(Caller caller, string accountId);

    /// <summary>Whether the caller reads the account's body (false too when it belongs to no body).</summary>
    [ReadOnly]
    Task<bool> ReadsAccount(Caller caller, string accountId);

    /// <summary>Notes whether a body has webhook subscriptions; its webhook grain tells it after each change.</summary>
    Task NoteWebhookSubscribers(string bodyId, bool subscribes);

    /// <summary>The account's body and those above it that have webhook subscriptions, nearest first; none when it belongs to no body.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetWebhookBodies(string accountId);

    /// <summary>forbidden unless the caller manages the staff member's body (or the member belongs to none and the caller is the global admin).</summary>
    [ReadOnly]
    Task RequireAdminOfMember(Caller caller, string userId);
}
