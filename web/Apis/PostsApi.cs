using Hub.Grains.Accounts;
using Hub.Grains.Governance.Posts;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>
/// An account's posts: anyone reads the published ones; its press officers write, submit,
/// publish and withdraw them, reviewers who did not write them approve them.
/// </summary>
public static class PostsApi
{
    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var posts = app.MapResource("/api/accounts/{id}/posts", "Posts");
        posts.Open.MapGet("/", ListPublic);
        posts.SignedIn.MapGet("/queue", GetQueue);
        posts.SignedIn.MapPost("/", Draft);
        posts.SignedIn.MapPut("/{postId}", Edit);
        posts.SignedIn.MapPost("/{postId}/submit", Submit);
        posts.SignedIn.MapPost("/{postId}/review", Review);
        posts.SignedIn.MapPost("/{postId}/publish", Publish);
        posts.SignedIn.MapPost("/{postId}/withdraw", Withdraw);
        var account = app.MapResource("/api/accounts/{id}", "Posts").SignedIn;
        account.MapPut("/review-policy", SetReviewPolicy);
        account.MapPost("/closure", Close);
        return app;
    }

    public sealed record PostEdit(string? Title, string? Text);

    public sealed record ReviewDecision(bool Approve, string? Note);

    public sealed record Publication(DateTimeOffset? At);

    public sealed record Withdrawal(string? Reason);

    public sealed record ReviewPolicy(int Reviewers);

    public sealed record ClosureNotice(string? Notice);

    private static IAccountPostsGrain Posts(string id, IGrainFactory grains) => grains.GetGrain<IAccountPostsGrain>(AccountId.Require(id));

    private static async Task<AccountPosts> ListPublic(string id, IGrainFactory grains)
    {
        await grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetProfile();
        return await Posts(id, grains).GetPublic();
    }

    private static Task<PostQueue> GetQueue(string id, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).GetQueue(http.User.RequireCaller());

    private static async Task<IResult> Draft(string id, PostDraft body, HttpContext http, IGrainFactory grains)
    {
        var post = await Posts(id, grains).Draft(http.User.RequireCaller(), body);
        return Results.Created($"/api/accounts/{id}/posts/queue", post);
    }

    private static Task<Post> Edit(string id, string postId, PostEdit body, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Edit(http.User.RequireCaller(), postId, body.Title ?? "", body.Text ?? "");

    private static Task<Post> Submit(string id, string postId, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Submit(http.User.RequireCaller(), postId);

    private static Task<Post> Review(string id, string postId, ReviewDecision body, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Review(http.User.RequireCaller(), postId, body.Approve, body.Note);

    private static Task<Post> Publish(string id, string postId, Publication body, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Publish(http.User.RequireCaller(), postId, body.At);

    private static Task<Post> Withdraw(string id, string postId, Withdrawal body, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Withdraw(http.User.RequireCaller(), postId, body.Reason ?? "");

    private static async Task<IResult> SetReviewPolicy(string id, ReviewPolicy body, HttpContext http, IGrainFactory grains)
    {
        await Posts(id, grains).SetReviewersRequired(http.User.RequireCaller(), body.Reviewers);
        return Results.NoContent();
    }

    private static Task<AccountClosure> Close(string id, ClosureNotice body, HttpContext http, IGrainFactory grains) =>
        Posts(id, grains).Close(http.User.RequireCaller(), body.Notice ?? "");
}
