using System.Net;
using System.Text.Json;

namespace Hub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class QuestionTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    private async Task<(string EventId, string Account, LiveClient Moderator)> LiveSession()
    {
        var account = await Api.Account("市政府门户网站");
        var eventId = await Api.OpenEvent((await Api.Press(account)).Token, account, severity: 4, title: "市长在线访谈", kind: "live");
        var moderator = await hub.Connect((await Api.Moderator(account)).Token);
        await moderator.Invoke<JsonElement>("FollowEvent", eventId);
        return (eventId, account, moderator);
    }

    [Fact]
    public async Task Pending_questions_reach_moderators_and_the_author_and_viewers_first_see_them_approved()
    {
        var (eventId, _, moderator) = await LiveSession();
        await using var _ = moderator;
        await using var author = await hub.Connect((await Api.Citizen("提问者")).Token);
        await using var viewer = await hub.Connect(token: null);
        await author.Invoke<JsonElement>("FollowEvent", eventId);
        await viewer.Invoke<JsonElement>("FollowEvent", eventId);

        var asked = await author.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "学校周边交通怎么改善？");
        var questionId = asked.Str("questionId");
        Assert.Equal("pending", (await moderator.Next("questionUpdated", q => q.Str("questionId") == questionId)).Str("status"));
        Assert.Equal("pending", (await author.Next("questionUpdated", q => q.Str("questionId") == questionId)).Str("status"));
        var queue = await moderator.Invoke<JsonElement>("GetModerationQueue", eventId);
        Assert.Contains(queue.GetProperty("pending").EnumerateArray(), q => q.Str("questionId") == questionId);

        await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");

        var firstSeen = await viewer.Next("questionUpdated", q => q.Str("questionId") == questionId);
        Assert.Equal("approved", firstSeen.Str("status"));
        var snapshot = await viewer.Invoke<JsonElement>("FollowEvent", eventId);
        Assert.Equal(questionId, snapshot.GetProperty("questions").EnumerateArray().Single().Str("questionId"));
    }

    [Fact]
    public async Task Viewers_see_the_true_vote_count_after_a_burst_of_votes()
    {
        const int Voters = 30;
        var (eventId, _, moderator) = await LiveSession();
        await using var _ = moderator;
        await using var viewer = await hub.Connect(token: null);
        await viewer.Invoke<JsonElement>("FollowEvent", eventId);
        await using var asker = await hub.Connect((await Api.Citizen()).Token);
        var questionId = (await asker.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "老旧小区改造何时启动？")).Str("questionId");
        await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");
        var voters = await Task.WhenAll(Enumerable.Range(0, Voters).Select(async i => await hub.Connect((await Api.Citizen($"投票人{i}")).Token)));

        var counts = await Task.WhenAll(voters.Select(v => v.Invoke<JsonElement>("UpvoteQuestion", eventId, questionId)));

        Assert.Equal(Voters, counts.Max(c => c.GetProperty("votes").GetInt32()));
        await viewer.Next("questionUpdated", q => q.Str("questionId") == questionId && q.GetProperty("votes").GetInt32() == Voters);
        Assert.True(viewer.Received("questionUpdated").Count(q => q.Str("questionId") == questionId) < Voters, "vote pushes are coalesced");
        await Task.WhenAll(voters.Select(v => v.DisposeAsync().AsTask()));
    }

    [Fact]
    public async Task Refused_questions_votes_and_decisions_carry_contract_codes()
    {
        var (eventId, account, moderator) = await LiveSession();
        await using var _ = moderator;
        var admin = (await Api.Admin()).Token;
        var citizenToken = (await Api.Citizen()).Token;
        Assert.Equal(HttpStatusCode.NoContent,
            (await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/restricted-words", admin, new { words = new[] { "违禁词" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/restricted-words", citizenToken)).StatusCode);
        await using var citizen = await hub.Connect(citizenToken);
        var pendingId = (await citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "待审核")).Str("questionId");
        var rejectedId = (await citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-2", "将被驳回")).Str("questionId");
        await moderator.Invoke<JsonElement>("ModerateQuestionWithReason", eventId, rejectedId, "reject", "重复提问");

        await HubAssert.Refused("conflict", citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, pendingId));
        await HubAssert.Refused("conflict", citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, rejectedId));
        await HubAssert.Refused("conflict", moderator.Invoke<JsonElement>("AnswerQuestion", eventId, rejectedId, "答复"));
        await HubAssert.Refused("not_found", citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, "q404"));
        await HubAssert.Refused("forbidden", citizen.Invoke<JsonElement>("ModerateQuestion", eventId, pendingId, "approve"));
        await HubAssert.Refused("forbidden", moderator.Invoke<JsonElement>("AskQuestion", eventId, "m-1", "x"));
        await HubAssert.Refused("bad_request", moderator.Invoke<JsonElement>("ModerateQuestion", eventId, pendingId, "maybe"));
        await HubAssert.Refused("bad_request", citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-3", " "));
        await HubAssert.Refused("bad_request", citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-4", "含有违禁词的问题"));
        await HubAssert.Refused("too_large", citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-5", new string('问', 4001)));
        await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, pendingId, "approve");
        await citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, pendingId);
        await HubAssert.Refused("conflict", citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, pendingId));
        for (var i = 6; i < 9; i++)
        {
            await citizen.Invoke<JsonElement>("AskQuestion", eventId, $"cq-{i}", $"问题 {i}");
        }
        await HubAssert.Refused("rate_limited", citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-9", "问题 9"));

        var mine = await citizen.Invoke<JsonElement[]>("GetMyQuestions", eventId);
        Assert.Equal(5, mine.Length);
        Assert.Equal("重复提问", mine.Single(q => q.Str("questionId") == rejectedId).Str("rejectReason"));
    }
}
