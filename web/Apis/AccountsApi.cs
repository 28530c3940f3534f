using Hub.Realtime.Identity;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
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
        accounts.MapGet("/{id}/restricted-words", GetRestrictedWords).RequireAuthorization();
        accounts.MapPut("/{id}/restricted-words", SetRestrictedWords).RequireAuthorization();
        return app;
    }

    public sealed record NewAccount(string? Id, string? Name, string? Department);

    public sealed record WordList(IReadOnlyList<string>? Words);

    private static Task<IReadOnlyList<AccountProfile>> ListAccounts(IGrainFactory grains) =>
        grains.GetGrain<IAccountDirectoryGrain>(0).List();

    private static Task<AccountProfile> GetAccount(string id, IGrainFactory grains) =>
        grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();

    private static async Task<WordList> GetRestrictedWords(string id, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        var keepsTheList = caller.HasRoleIn(id, Roles.Moderator) || caller.HasRoleIn(id, Roles.Press);
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
}
