using Hub.Realtime.Identity;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Staff;
using Hub.Web.Auth;

namespace Hub.Web.Apis;

/// <summary>Government accounts and their staff; only admins change them, anyone may list them.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts);
        accounts.MapGet("/{id}", GetAccount);
        accounts.MapPost("/", CreateAccount).RequireAuthorization(IdentityExtensions.AdminPolicy);
        accounts.MapPost("/{id}/staff", AddStaff).RequireAuthorization(IdentityExtensions.AdminPolicy);
        accounts.MapGet("/{id}/restricted-words", GetRestrictedWords).RequireAuthorization();
        accounts.MapPut("/{id}/restricted-words", SetRestrictedWords).RequireAuthorization();
        return app;
    }

    public sealed record NewAccount(string? Id, string? Name, string? Department);

    public sealed record NewStaff(string? Username, string? Password, string? DisplayName, IReadOnlyList<string>? Roles);

    public sealed record WordList(IReadOnlyList<string>? Words);

    public sealed record StaffCreated(string UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> AccountIds);

    private static Task<IReadOnlyList<AccountProfile>> ListAccounts(IGrainFactory grains) =>
        grains.GetGrain<IAccountDirectoryGrain>(0).List();

    private static Task<AccountProfile> GetAccount(string id, IGrainFactory grains) =>
        grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();

    private static async Task<WordList> GetRestrictedWords(string id, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        var keepsTheList = caller.IsStaffOf(id) && (caller.HasRole(Roles.Moderator) || caller.HasRole(Roles.Press));
        if (!caller.HasRole(Roles.Admin) && !keepsTheList)
        {
            throw RuleViolation.Forbidden("only admins and the account's moderators and press officers read its restricted words");
        }
        return new WordList(await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetRestrictedWords());
    }

    private static async Task<IResult> SetRestrictedWords(string id, WordList body, HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).SetRestrictedWords(http.User.RequireCaller(), body.Words ?? []);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateAccount(NewAccount body, HttpContext http, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IAccountDirectoryGrain>(0).Register(body.Id ?? "", body.Name ?? "", body.Department ?? "", http.User.RequireCaller());
        return Results.Created($"/api/accounts/{profile.Id}", profile);
    }

    private static async Task<IResult> AddStaff(string id, NewStaff body, IGrainFactory grains)
    {
        var account = grains.GetGrain<IAccountGrain>(AccountId.Require(id));
        await account.GetProfile();
        var username = StaffUsername.Normalize(body.Username);
        var staff = await grains.GetGrain<IStaffGrain>(username)
            .Register(new StaffRegistration(body.Password ?? "", body.DisplayName ?? "", body.Roles ?? [], [id]));
        await account.AddStaff(new StaffMember(staff.UserId, staff.DisplayName, staff.Roles));
        return Results.Created($"/api/accounts/{id}/staff/{staff.UserId}",
            new StaffCreated(staff.UserId, staff.Username, staff.DisplayName, staff.Roles, staff.AccountIds));
    }
}
