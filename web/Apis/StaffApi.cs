using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Security;
using Hub.Grains.Staff;
using Hub.Realtime.Identity;
using Hub.Web.Auth;

namespace Hub.Web.Apis;

/// <summary>
/// Staff management: admins create members, give them roles per account, reset passwords and
/// disable them; an account's supervisors see its roster. Any change ends the member's earlier tokens.
/// </summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var roster = app.MapGroup("/api/accounts/{id}/staff").WithTags("Staff");
        roster.MapGet("/", ListRoster).RequireAuthorization();
        roster.MapPost("/", AddStaff).RequireAuthorization(IdentityExtensions.AdminPolicy);
        roster.MapPut("/{userId}", SetAccountRoles).RequireAuthorization(IdentityExtensions.AdminPolicy);

        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(IdentityExtensions.AdminPolicy);
        staff.MapGet("/", ListStaff);
        staff.MapGet("/{userId}", GetStaff);
        staff.MapPatch("/{userId}", ChangeStaff);
        return app;
    }

    public sealed record NewStaff(string? Username, string? Password, string? DisplayName, IReadOnlyList<string>? Roles, string? Email);

    public sealed record StaffCreated(string UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> AccountIds);

    public sealed record RosterEntry(string UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, bool Disabled);

    public sealed record AccountRoles(IReadOnlyList<string>? Roles);

    public sealed record StaffPatch(bool? Disabled, IReadOnlyList<string>? Roles, string? Password, string? AccountId, string? Email);

    private static async Task<IReadOnlyList<RosterEntry>> ListRoster(string id, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        AccountId.Require(id);
        if (!caller.HasRole(Roles.Admin) && !caller.HasRoleIn(id, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden("only admins and the account's supervisors see its staff");
        }
        var members = await grains.GetGrain<IAccountGrain>(id).GetStaff();
        return [.. members.Select(m => new RosterEntry(m.UserId, m.Username, m.DisplayName, m.Roles, m.Disabled))];
    }

    private static async Task<IResult> AddStaff(string id, NewStaff body, HttpContext http, IGrainFactory grains, ISecurityLog log, TimeProvider time)
    {
        await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();
        var username = StaffUsername.Normalize(body.Username);
        var staff = await grains.GetGrain<IStaffGrain>(username)
            .Register(new StaffRegistration(body.Password ?? "", body.DisplayName ?? "", body.Roles ?? [], [id], body.Email));
        await log.Record(time, SecurityEventKinds.StaffCreated, http.User.RequireCaller(), id, staff.Username, $"roles {string.Join(", ", staff.Roles)}");
        return Results.Created($"/api/staff/{staff.UserId}",
            new StaffCreated(staff.UserId, staff.Username, staff.DisplayName, staff.Roles, staff.AccountIds));
    }

    private static async Task<StaffSummary> SetAccountRoles(string id, string userId, AccountRoles body, HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();
        return await Change(userId, new StaffChange(Roles: body.Roles ?? [], AccountId: id), http, grains);
    }

    private static async Task<IReadOnlyList<StaffSummary>> ListStaff(IGrainFactory grains)
    {
        var usernames = await grains.GetGrain<IStaffDirectoryGrain>(0).Usernames();
        return await Task.WhenAll(usernames.Select(u => grains.GetGrain<IStaffGrain>(u).Describe()));
    }

    private static async Task<StaffSummary> GetStaff(string userId, IGrainFactory grains) =>
        await (await Member(userId, grains)).Describe();

    private static Task<StaffSummary> ChangeStaff(string userId, StaffPatch body, HttpContext http, IGrainFactory grains) =>
        Change(userId, new StaffChange(body.Disabled, body.Roles, body.Password, body.AccountId, body.Email), http, grains);

    private static async Task<StaffSummary> Change(string userId, StaffChange change, HttpContext http, IGrainFactory grains)
    {
        var stamps = http.RequestServices.GetRequiredService<StaffStamps>();
        var caller = http.User.RequireCaller();
        var leavesAdmin = change is { Roles: { } roles, AccountId: null } && !roles.Contains(Roles.Admin);
        if (userId == caller.UserId && (change.Disabled == true || leavesAdmin))
        {
            throw RuleViolation.Conflict("admins cannot disable themselves or give up their own admin role");
        }
        var member = await Member(userId, grains);
        var before = await member.Describe();
        var changed = await member.Change(change);
        stamps.Forget(changed.Username);
        var after = await member.Describe();
        await RecordChange(http, before, after, change);
        return after;
    }

    /// <summary>One entry per account the member served or serves, so each account's inspectors see it.</summary>
    private static Task RecordChange(HttpContext http, StaffSummary before, StaffSummary after, StaffChange change)
    {
        var (log, time) = (http.RequestServices.GetRequiredService<ISecurityLog>(), http.RequestServices.GetRequiredService<TimeProvider>());
        var kind = after.Disabled && !before.Disabled ? SecurityEventKinds.StaffDisabled : SecurityEventKinds.StaffChanged;
        var detail = string.Join("; ", new[]
        {
            change.Disabled is { } disabled ? (disabled ? "disabled" : "enabled") : null,
            change.Roles is not null ? $"roles {string.Join(", ", after.Roles)}" : null,
            change.Password is not null ? "password reset" : null,
            change.Email is not null ? "e-mail address changed" : null,
        }.OfType<string>());
        var accounts = before.Grants.Concat(after.Grants).Select(g => (string?)g.AccountId).Distinct().DefaultIfEmpty(null);
        return Task.WhenAll(accounts.Select(a => log.Record(time, kind, http.User.RequireCaller(), a, after.Username, detail)));
    }

    private static async Task<IStaffGrain> Member(string userId, IGrainFactory grains) =>
        grains.GetGrain<IStaffGrain>(await grains.GetGrain<IStaffDirectoryGrain>(0).UsernameOf(userId));
}
