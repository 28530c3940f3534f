using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Security;
using Hub.Grains.Staff;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>
/// Staff of the matrix: the admins of a body's subtree add staff who belong to a body, give
/// them roles over the subtree (admin, inspector) and roles in the subtree's accounts. A
/// change of account roles ends the member's earlier tokens, as the global admin's does.
/// </summary>
public static class BodyStaffApi
{
    public static IEndpointRouteBuilder MapBodyStaffApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapResource("/api/bodies", "Bodies").SignedIn;
        members.MapGet("/mine", GetMine);
        members.MapGet("/{id}/members", ListMembers);
        members.MapPost("/{id}/members", AddMember);
        members.MapPut("/{id}/members/{userId}", SetMember);
        app.MapResource("/api/accounts/{id}/roles", "Bodies").SignedIn.MapPut("/{userId}", SetAccountRoles);
        return app;
    }

    public sealed record NewMember(string? Username, string? Password, string? DisplayName, IReadOnlyList<string>? Roles);

    public sealed record MemberRoles(IReadOnlyList<string>? Roles);

    /// <summary>A member of a body's subtree with the name they sign in with and their roles in single accounts.</summary>
    public sealed record BodyStaff(
        string UserId, string BodyId, IReadOnlyList<string> Roles, string Username, string DisplayName, bool Disabled, IReadOnlyList<AccountGrant> Grants);

    /// <summary>The caller's body and roles over it; null when they belong to none.</summary>
    public sealed record Mine(BodyMember? Membership);

    private static IBodyTreeGrain Tree(IGrainFactory grains) => grains.GetGrain<IBodyTreeGrain>(0);

    private static async Task<Mine> GetMine(HttpContext http, IGrainFactory grains) =>
        new(await Tree(grains).GetMembership(http.User.RequireCaller().UserId));

    private static async Task<IReadOnlyList<BodyStaff>> ListMembers(string id, HttpContext http, IGrainFactory grains)
    {
        var members = await Tree(grains).GetMembers(http.User.RequireCaller(), BodyId.Require(id));
        var directory = grains.GetGrain<IStaffDirectoryGrain>(0);
        var staff = await Task.WhenAll(members.Select(async m => await grains.GetGrain<IStaffGrain>(await directory.UsernameOf(m.UserId)).Describe()));
        return [.. members.Zip(staff, (m, s) => new BodyStaff(m.UserId, m.BodyId, m.Roles, s.Username, s.DisplayName, s.Disabled, s.Grants))];
    }

    /// <summary>The member starts with no account roles; the caller is checked before anyone is created.</summary>
    private static async Task<IResult> AddMember(string id, NewMember body, HttpContext http, IGrainFactory grains, ISecurityLog log, TimeProvider time)
    {
        var caller = http.User.RequireCaller();
        await Tree(grains).RequireAdmin(caller, BodyId.Require(id));
        var roles = BodyMember.RequireRoles(body.Roles);
        var staff = await grains.GetGrain<IStaffGrain>(StaffUsername.Normalize(body.Username))
            .Register(new StaffRegistration(body.Password ?? "", body.DisplayName ?? "", [], []));
        await log.Record(time, SecurityEventKinds.StaffCreated, caller, null, staff.Username, $"body {id}");
        var member = await Tree(grains).SetMember(caller, staff.UserId, id, roles);
        return Results.Created($"/api/bodies/{id}/members", member);
    }

    private static Task<BodyMember> SetMember(string id, string userId, MemberRoles body, HttpContext http, IGrainFactory grains) =>
        Tree(grains).SetMember(http.User.RequireCaller(), userId, BodyId.Require(id), body.Roles ?? []);

    /// <summary>Both the account and the member must be in the caller's subtree.</summary>
    private static async Task<StaffSummary> SetAccountRoles(string id, string userId, MemberRoles body, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        var tree = Tree(grains);
        await tree.RequireAdminOfAccount(caller, AccountId.Require(id));
        await tree.RequireAdminOfMember(caller, userId);
        var member = grains.GetGrain<IStaffGrain>(await grains.GetGrain<IStaffDirectoryGrain>(0).UsernameOf(userId));
        var changed = await member.Change(new StaffChange(Roles: body.Roles ?? [], AccountId: id));
        http.RequestServices.GetRequiredService<StaffStamps>().Forget(changed.Username);
        var (log, time) = (http.RequestServices.GetRequiredService<ISecurityLog>(), http.RequestServices.GetRequiredService<TimeProvider>());
        await log.Record(time, SecurityEventKinds.StaffChanged, caller, id, changed.Username, $"roles here {string.Join(", ", changed.RolesIn(id))}");
        return await member.Describe();
    }
}
