using Hub.Grains.Accounts;
using Hub.Grains.Governance.Bodies;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>
/// The matrix: government bodies in a tree and the accounts each runs. Anyone may read it;
/// the global admin and the admins of a body's subtree change it.
/// </summary>
public static class BodiesApi
{
    public static IEndpointRouteBuilder MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapResource("/api/bodies", "Bodies");
        bodies.Open.MapGet("/", ListBodies);
        bodies.SignedIn.MapPost("/", AddBody);
        bodies.SignedIn.MapPut("/{id}/parent", MoveBody);
        bodies.Open.MapGet("/{id}/accounts", ListAccounts);
        bodies.SignedIn.MapPost("/{id}/accounts", CreateAccount);

        var placement = app.MapResource("/api/accounts/{id}/placement", "Bodies");
        placement.Open.MapGet("/", GetPlacement);
        placement.SignedIn.MapPut("/", PlaceAccount);
        return app;
    }

    public sealed record NewParent(string? ParentId);

    public sealed record NewBodyAccount(string? Id, string? Name, string? Channel, string? Handle);

    public sealed record Placement(string? BodyId, string? Channel, string? Handle);

    /// <summary>An account of the matrix: its profile and where it publishes.</summary>
    public sealed record BodyAccount(string Id, string Name, string BodyId, string Channel, string Handle);

    private static IBodyTreeGrain Tree(IGrainFactory grains) => grains.GetGrain<IBodyTreeGrain>(0);

    private static Task<IReadOnlyList<Body>> ListBodies(IGrainFactory grains) => Tree(grains).GetBodies();

    private static async Task<IResult> AddBody(NewBody body, HttpContext http, IGrainFactory grains)
    {
        var added = await Tree(grains).AddBody(http.User.RequireCaller(), body);
        return Results.Created($"/api/bodies/{added.Id}/accounts", added);
    }

    private static Task<Body> MoveBody(string id, NewParent body, HttpContext http, IGrainFactory grains) =>
        Tree(grains).MoveBody(http.User.RequireCaller(), BodyId.Require(id), body.ParentId);

    private static async Task<IReadOnlyList<BodyAccount>> ListAccounts(string id, IGrainFactory grains)
    {
        var placements = await Tree(grains).GetAccounts(BodyId.Require(id));
        var profiles = await Task.WhenAll(placements.Select(p => grains.GetGrain<IAccountGrain>(p.AccountId).GetProfile()));
        return [.. placements.Zip(profiles, (p, a) => new BodyAccount(p.AccountId, a.Name, p.BodyId, p.Channel, p.Handle))];
    }

    /// <summary>Checks the caller and the placement before the account exists, so a refusal creates nothing.</summary>
    private static async Task<IResult> CreateAccount(string id, NewBodyAccount body, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        var tree = Tree(grains);
        await tree.RequireAdmin(caller, BodyId.Require(id));
        var accountId = AccountId.Require(body.Id);
        var placement = new AccountPlacement(accountId, id, AccountChannel.Require(body.Channel),
            Hub.Grains.Common.ShortText.Require(body.Handle, "handle", AccountChannel.MaxHandleLength));
        var owner = (await tree.GetBodies()).Single(b => b.Id == id);
        var profile = await grains.GetGrain<IAccountDirectoryGrain>(0).Register(accountId, body.Name ?? "", owner.Name, caller);
        await tree.PlaceAccount(caller, placement);
        return Results.Created($"/api/accounts/{profile.Id}",
            new BodyAccount(profile.Id, profile.Name, placement.BodyId, placement.Channel, placement.Handle));
    }

    private static Task<AccountPlacement> GetPlacement(string id, IGrainFactory grains) =>
        Tree(grains).GetPlacement(AccountId.Require(id));

    private static Task<AccountPlacement> PlaceAccount(string id, Placement body, HttpContext http, IGrainFactory grains) =>
        Tree(grains).PlaceAccount(http.User.RequireCaller(),
            new AccountPlacement(AccountId.Require(id), BodyId.Require(body.BodyId), body.Channel ?? "", body.Handle ?? ""));
}
