using System.Net;
using System.Text.Json;

namespace Hub.Web.Tests.Governance;

/// <summary>A post from draft through two reviewers to the public list, the account's feed and a follower's screen.</summary>
[Collection(HubCollection.Name)]
public sealed class PostsApiTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_post_reviewed_by_two_reaches_the_public_list_the_feed_and_the_accounts_followers()
    {
        var account = await Api.Account("市发展改革委");
        var (author, first, second) = (await Api.Press(account, "撰稿人"), await Api.Press(account, "审核一"), await Api.Press(account, "审核二"));
        var supervisor = await Api.SignIn((await Api.StaffMember(account, "主任", "supervisor")).Username, HubApi.StaffPassword);
        await using var follower = await hub.Connect((await Api.Citizen()).Token);
        var page = await follower.Invoke<JsonElement>("FollowAccount", account);
        Assert.Empty(page.GetProperty("posts").EnumerateArray());

        await BodiesClient.Ok(await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/review-policy", supervisor.Token, new { reviewers = 2 }));
        var post = await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts", author.Token,
            new { kind = "policy", title = "关于降低物流成本的若干措施", text = "一、……" }));
        var postId = post.Str("postId");
        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/submit", author.Token));
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/review", author.Token, new { approve = true })).StatusCode);
        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/review", first.Token, new { approve = true }));
        Assert.Equal(HttpStatusCode.Conflict, (await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/publish", author.Token, new { at = (DateTimeOffset?)null })).StatusCode);
        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/review", second.Token, new { approve = true }));
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/publish", author.Token,
            new { at = DateTimeOffset.UtcNow.AddDays(-1) })).StatusCode);
        Assert.Empty((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts"))).GetProperty("posts").EnumerateArray());

        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/{postId}/publish", author.Token, new { at = (DateTimeOffset?)null }));

        var pushed = await follower.Next("postPublished", p => p.Str("postId") == postId);
        Assert.Equal("关于降低物流成本的若干措施", pushed.Str("title"));
        var listed = Assert.Single((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts"))).GetProperty("posts").EnumerateArray());
        Assert.Equal((postId, "policy"), (listed.Str("postId"), listed.Str("kind")));
        Assert.False(listed.TryGetProperty("approvedBy", out _));
        var feed = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/feed.json"));
        Assert.Equal("一、……", Assert.Single(feed.GetProperty("items").EnumerateArray()).Str("content_text"));
        var queue = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts/queue", supervisor.Token));
        Assert.Equal(2, queue.GetProperty("reviewersRequired").GetInt32());
        Assert.Equal([first.UserId, second.UserId], queue.GetProperty("posts")[0].GetProperty("approvedBy").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_draft_is_edited_by_its_accounts_press_officers_while_it_is_a_draft_and_a_refused_edit_changes_nothing()
    {
        var account = await Api.Account("市住房保障局");
        var (author, colleague) = (await Api.Press(account, "撰稿人"), await Api.Press(account, "同事"));
        var outsider = await Api.Press(await Api.Account("市交通局"), "外单位");
        var post = await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts", author.Token,
            new { kind = "notice", title = "保障房申请须知", text = "初稿" }));
        var path = $"/api/accounts/{account}/posts/{post.Str("postId")}";

        var edited = await BodiesClient.Ok(await Api.Send(HttpMethod.Put, path, colleague.Token, new { title = "保障房申请须知（修订）", text = "修订稿" }));

        Assert.Equal(("保障房申请须知（修订）", "修订稿"), (edited.Str("title"), edited.Str("text")));
        Assert.Contains(colleague.UserId, edited.GetProperty("authorIds").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Put, path, author.Token, new { title = " ", text = "无标题" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Put, path, author.Token, new { title = "无正文" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Put, path, outsider.Token, new { title = "外改", text = "外改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/posts/p404", author.Token, new { title = "无此稿", text = "无此稿" })).StatusCode);
        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"{path}/submit", author.Token));
        var refused = await Api.Send(HttpMethod.Put, path, author.Token, new { title = "送审后再改", text = "送审后再改" });
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));

        var kept = Assert.Single((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts/queue", author.Token))).GetProperty("posts").EnumerateArray());
        Assert.Equal(("review", "保障房申请须知（修订）", "修订稿"), (kept.Str("status"), kept.Str("title"), kept.Str("text")));
    }
}
