using Hub.Grains.ApiKeys;
using Hub.Realtime.Identity;
using Hub.Web.Auth;

namespace Hub.Web.Apis;

/// <summary>Service accounts' API keys: admins issue them (the key is shown once), list and revoke them.</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(IdentityExtensions.AdminPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapPost("/", Issue)
            .WithSummary("Issues a key for one account (or every account) to read or write; the answer is the only one that shows the key");
        keys.MapGet("/", List).WithSummary("Every key, revoked ones too, without their secrets");
        keys.MapDelete("/{keyId}", Revoke).WithSummary("Revokes a key; requests that present it are refused from then on");
        return app;
    }

    public sealed record NewApiKey(string? Name, string? AccountId, string? Scope);

    public sealed record IssuedApiKey(string KeyId, string Name, string? AccountId, string Scope, DateTimeOffset CreatedAt, string Key);

    private static async Task<IResult> Issue(NewApiKey body, HttpContext http, IGrainFactory grains)
    {
        var (key, secret) = await Directory(grains).Issue(http.User.RequireCaller(), body.Name ?? "", body.AccountId, body.Scope ?? "");
        return Results.Created($"/api/api-keys/{key.KeyId}", new IssuedApiKey(key.KeyId, key.Name, key.AccountId, key.Scope, key.CreatedAt, secret));
    }

    private static Task<IReadOnlyList<ApiKey>> List(HttpContext http, IGrainFactory grains) =>
        Directory(grains).List(http.User.RequireCaller());

    private static Task<ApiKey> Revoke(string keyId, HttpContext http, IGrainFactory grains) =>
        Directory(grains).Revoke(http.User.RequireCaller(), keyId);

    private static IApiKeyDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IApiKeyDirectoryGrain>(0);
}
