using Hub.Grains.Accounts;
using Hub.Grains.Accounts.Embedding;
using Hub.Grains.Common;
using Hub.Realtime.Identity;
using Hub.Web.Auth;

namespace Hub.Web.Apis;

/// <summary>The sites allowed to embed an account's citizen chat through <c>/widget.js</c>; admins keep them.</summary>
public static class EmbeddingApi
{
    public static IEndpointRouteBuilder MapEmbeddingApi(this IEndpointRouteBuilder app)
    {
        var embedding = app.MapGroup("/api/accounts/{id}/embedding").WithTags("Accounts").RequireAuthorization(IdentityExtensions.AdminPolicy);
        embedding.MapGet("/", GetOrigins).WithSummary("The origins allowed to embed the account's citizen chat");
        embedding.MapPut("/", SetOrigins).WithSummary("Replaces the origins allowed to embed the account's citizen chat (http or https origins, at most 50)");
        return app;
    }

    /// <param name="Origins">Origins such as <c>https://portal.example.gov.cn</c>: scheme, host and port, no path.</param>
    public sealed record Embedding(IReadOnlyList<string?>? Origins);

    private static async Task<Embedding> GetOrigins(string id, IGrainFactory grains)
    {
        await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();
        return new Embedding(await grains.GetGrain<IEmbeddingGrain>(id).GetOrigins());
    }

    private static async Task<Embedding> SetOrigins(string id, Embedding body, HttpContext http, IGrainFactory grains) =>
        new(await grains.GetGrain<IEmbeddingGrain>(AccountId.Require(id)).SetOrigins(http.User.RequireCaller(), body.Origins));
}
