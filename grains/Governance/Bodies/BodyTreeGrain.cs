using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Security;
using Hub.Grains.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Governance.Bodies;

public sealed class BodyTreeGrain(
    [PersistentState("body-tree", StorageNames.Grains)] IPersistentState<BodyTreeState> state,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IBodyTreeGrain
{
    public const int MaxNameLength = 200;

    private BodyTreeState Tree => state.State;

    private BodyScope Scope => new(Tree);

    async Task<Body> IBodyTreeGrain.AddBody(Caller admin, NewBody request)
    {
        var id = BodyId.Require(request.Id);
        var name = ShortText.Require(request.Name, "name", MaxNameLength);
        var level = BodyLevel.Require(request.Level);
        if (request.ParentId is null)
        {
            RequireGlobalAdmin(admin, "only the global admin adds a root body");
        }
        else
        {
            Scope.RequireAdministers(admin, request.ParentId);
            RequireLevelUnder(Tree.Bodies[request.ParentId], level);
        }
        if (Tree.Bodies.TryGetValue(id, out var existing))
        {
            return existing with { CreatedAt = default } == new Body(id, name, level, request.ParentId, default)
                ? existing
                : throw RuleViolation.Conflict($"body '{id}' already exists");
        }

        var body = new Body(id, name, level, request.ParentId, time.GetUtcNow());
        Tree.Bodies[id] = body;
        await state.WriteOrReload(this);
        await securityLog.Record(time, GovernanceEventKinds.BodyAdded, admin, null, id, $"{name} ({level}) under {request.ParentId ?? "no body"}");
        return body;
    }

    async Task<Body> IBodyTreeGrain.MoveBody(Caller admin, string bodyId, string? parentId)
    {
        var body = Scope.Require(bodyId);
        Scope.RequireAdministers(admin, bodyId);
        if (parentId is null)
        {
            RequireGlobalAdmin(admin, "only the global admin makes a body a root");
        }
        else
        {
            Scope.RequireAdministers(admin, parentId);
            if (Scope.IsWithin(parentId, bodyId))
            {
                throw RuleViolation.Conflict($"body '{parentId}' is '{bodyId}' or below it: the tree would have a cycle");
            }
            RequireLevelUnder(Tree.Bodies[parentId], body.Level);
        }
        if (body.ParentId == parentId)
        {
            return body;
        }

        var moved = body with { ParentId = parentId };
        Tree.Bodies[bodyId] = moved;
        await state.WriteOrReload(this);
        await securityLog.Record(time, GovernanceEventKinds.BodyMoved, admin, null, bodyId, $"from {body.ParentId ?? "no body"} to {parentId ?? "no body"}");
        return moved;
    }

    Task<IReadOnlyList<Body>> IBodyTreeGrain.GetBodies() =>
        Task.FromResult<IReadOnlyList<Body>>([.. Tree.Bodies.Values.OrderBy(b => Scope.Depth(b.Id)).ThenBy(b => b.Id, StringComparer.Ordinal)]);

    async Task<AccountPlacement> IBodyTreeGrain.PlaceAccount(Caller admin, AccountPlacement request)
    {
        var accountId = AccountId.Require(request.AccountId);
        var placement = new AccountPlacement(accountId, request.BodyId, AccountChannel.Require(request.Channel),
            ShortText.Require(request.Handle, "handle", AccountChannel.MaxHandleLength));
        Scope.RequireAdministers(admin, placement.BodyId);
        if (Tree.Accounts.TryGetValue(accountId, out var current))
        {
            if (current == placement)
            {
                return current;
            }
            Scope.RequireAdministers(admin, current.BodyId);
        }
        await GrainFactory.GetGrain<IAccountGrain>(accountId).GetProfile();

        Tree.Accounts[accountId] = placement;
        await state.WriteOrReload(this);
        await securityLog.Record(time, GovernanceEventKinds.AccountPlaced, admin, accountId, accountId,
            $"{placement.BodyId}, {placement.Channel} {placement.Handle}");
        return placement;
    }

    Task<IReadOnlyList<AccountPlacement>> IBodyTreeGrain.GetAccounts(string bodyId)
    {
        Scope.Require(bodyId);
        return Task.FromResult<IReadOnlyList<AccountPlacement>>([.. Tree.Accounts.Values
            .Where(a => Scope.IsWithin(a.BodyId, bodyId))
            .OrderBy(a => a.AccountId, StringComparer.Ordinal)]);
    }

    Task<AccountPlacement> IBodyTreeGrain.GetPlacement(string accountId) => Task.FromResult(Scope.RequirePlacement(accountId));

    async Task<BodyMember> IBodyTreeGrain.SetMember(Caller admin, string userId, string bodyId, IReadOnlyList<string> roles)
    {
        var member = new BodyMember(userId, bodyId, BodyMember.RequireRoles(roles));
        Scope.RequireAdministers(admin, bodyId);
        if (Tree.Members.TryGetValue(userId, out var current))
        {
            if (current.BodyId == member.BodyId && current.Roles.Order().SequenceEqual(member.Roles.Order()))
            {
                return current;
            }
            Scope.RequireAdministers(admin, current.BodyId);
        }
        await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).UsernameOf(userId);

        Tree.Members[userId] = member;
        await state.WriteOrReload(this);
        await securityLog.Record(time, GovernanceEventKinds.BodyMemberChanged, admin, null, userId,
            $"{bodyId}: {(member.Roles.Count == 0 ? "no roles" : string.Join(", ", member.Roles))}");
        return member;
    }

    Task<IReadOnlyList<BodyMember>> IBodyTreeGrain.GetMembers(Caller reader, string bodyId)
    {
        Scope.RequireReads(reader, bodyId);
        return Task.FromResult<IReadOnlyList<BodyMember>>([.. Tree.Members.Values
            .Where(m => Scope.IsWithin(m.BodyId, bodyId))
            .OrderBy(m => m.BodyId, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal)]);
    }

    Task<BodyMember?> IBodyTreeGrain.GetMembership(string userId) => Task.FromResult(Tree.Members.GetValueOrDefault(userId));

    async Task IBodyTreeGrain.NoteWebhookSubscribers(string bodyId, bool subscribes)
    {
        var changed = subscribes ? Tree.WebhookSubscribers.Add(bodyId) : Tree.WebhookSubscribers.Remove(bodyId);
        if (changed)
        {
            await state.WriteOrReload(this);
        }
    }

    Task<IReadOnlyList<string>> IBodyTreeGrain.GetWebhookBodies(string accountId) =>
        Task.FromResult<IReadOnlyList<string>>(
            Tree.WebhookSubscribers.Count > 0 && Tree.Accounts.TryGetValue(accountId, out var placement)
                ? [.. Scope.SelfAndAncestors(placement.BodyId).Where(Tree.WebhookSubscribers.Contains)]
                : []);

    Task IBodyTreeGrain.RequireAdmin(Caller caller, string bodyId)
    {
        Scope.RequireAdministers(caller, bodyId);
        return Task.CompletedTask;
    }

    Task IBodyTreeGrain.RequireReader(Caller caller, string bodyId)
    {
        Scope.RequireReads(caller, bodyId);
        return Task.CompletedTask;
    }

    Task IBodyTreeGrain.RequireAdminOfAccount(Caller caller, string accountId)
    {
        if (Tree.Accounts.TryGetValue(accountId, out var placement))
        {
            Scope.RequireAdministers(caller, placement.BodyId);
        }
        else
        {
            RequireGlobalAdmin(caller, $"account '{accountId}' belongs to no body: only the global admin manages it");
        }
        return Task.CompletedTask;
    }

    Task<bool> IBodyTreeGrain.ReadsAccount(Caller caller, string accountId) =>
        Task.FromResult(Tree.Accounts.TryGetValue(accountId, out var placement) && Scope.Reads(caller, placement.BodyId));

    Task IBodyTreeGrain.RequireAdminOfMember(Caller caller, string userId)
    {
        if (Tree.Members.TryGetValue(userId, out var member))
        {
            Scope.RequireAdministers(caller, member.BodyId);
        }
        else
        {
            RequireGlobalAdmin(caller, "this staff member belongs to no body: only the global admin manages them");
        }
        return Task.CompletedTask;
    }

    private static void RequireGlobalAdmin(Caller caller, string message)
    {
        if (!caller.HasRole(Roles.Admin))
        {
            throw RuleViolation.Forbidden(message);
        }
    }

    private static void RequireLevelUnder(Body parent, string level)
    {
        if (!BodyLevel.MayHold(parent.Level, level))
        {
            throw RuleViolation.BadRequest($"a {level} cannot sit under a {parent.Level}");
        }
    }
}
