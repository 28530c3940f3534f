using System.Diagnostics;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// FollowEventBoard against FollowEvent on the same event: both end on the true vote counts
/// within a second of the last vote; the board's follower gets them as votesChanged frames,
/// never as a questionUpdated for a vote alone, and still gets status changes as questionUpdated.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class BoardFollowTests(HubFixture hub)
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(1);

    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_board_follower_and_a_contract_follower_both_end_on_the_true_counts()
    {
        var account = await Api.Account("市政府门户网站");
        var eventId = await Api.OpenEvent((await Api.Press(account)).Token, account, severity: 4, title: "市长在线访谈", kind: "live");
        await using var moderator = await hub.Connect((await Api.Moderator(account)).Token);
        await using var asker = await hub.Connect((await Api.Citizen()).Token);
        async Task<string> Approved(string clientQuestionId, string text)
        {
            var questionId = (await asker.Invoke<JsonElement>("AskQuestion", eventId, clientQuestionId, text)).Str("questionId")!;
            await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");
            return questionId;
        }
        string[] questionIds = [await Approved("cq-1", "老旧小区改造何时启动？"), await Approved("cq-2", "公园开放时间会延长吗？")];
        await using var contract = await hub.Connect(token: null);
        await using var board = await hub.Connect(token: null);
        var contractSnapshot = await contract.Invoke<JsonElement>("FollowEvent", eventId);
        var boardSnapshot = await board.Invoke<JsonElement>("FollowEventBoard", eventId);
        Assert.Equal(QuestionIds(contractSnapshot), QuestionIds(boardSnapshot));
        var voters = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i => await hub.Connect((await Api.Citizen($"投票人{i}")).Token)));

        await Task.WhenAll(voters.Select((v, i) => v.Invoke<JsonElement>("UpvoteQuestion", eventId, questionIds[i % 3 == 0 ? 1 : 0])));
        var lastVote = Stopwatch.StartNew();
        TimeSpan Left() => Guarantee > lastVote.Elapsed ? Guarantee - lastVote.Elapsed : TimeSpan.Zero;

        await board.Next("votesChanged", v => CountIn(v, questionIds[0]) == 8, Left());
        await board.Next("votesChanged", v => CountIn(v, questionIds[1]) == 4, Left());
        await contract.Next("questionUpdated", q => q.Str("questionId") == questionIds[0] && q.GetProperty("votes").GetInt32() == 8, Left());
        await contract.Next("questionUpdated", q => q.Str("questionId") == questionIds[1] && q.GetProperty("votes").GetInt32() == 4, Left());
        Assert.DoesNotContain(board.Received("questionUpdated"), q => q.GetProperty("votes").GetInt32() > 0);
        Assert.Empty(contract.Received("votesChanged"));
        Assert.True(board.Received("votesChanged").Count < voters.Length, "board frames are coalesced");

        await moderator.Invoke("AnswerQuestion", eventId, questionIds[0], "年内启动。");
        var answered = await board.Next("questionUpdated", q => q.Str("questionId") == questionIds[0] && q.Str("status") == "answered");
        Assert.Equal(8, answered.GetProperty("votes").GetInt32());
        await Task.WhenAll(voters.Select(v => v.DisposeAsync().AsTask()));
    }

    [Fact]
    public async Task Unfollowing_stops_the_board_frames()
    {
        var account = await Api.Account("市政府门户网站");
        var eventId = await Api.OpenEvent((await Api.Press(account)).Token, account, severity: 4, title: "市长在线访谈", kind: "live");
        await using var moderator = await hub.Connect((await Api.Moderator(account)).Token);
        await using var asker = await hub.Connect((await Api.Citizen()).Token);
        var questionId = (await asker.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "学校周边交通怎么改善？")).Str("questionId")!;
        await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");
        await using var leaving = await hub.Connect(token: null);
        await using var staying = await hub.Connect(token: null);
        await leaving.Invoke<JsonElement>("FollowEventBoard", eventId);
        await staying.Invoke<JsonElement>("FollowEventBoard", eventId);

        await leaving.Invoke("UnfollowEvent", eventId);
        await using var voter = await hub.Connect((await Api.Citizen()).Token);
        await voter.Invoke<JsonElement>("UpvoteQuestion", eventId, questionId);

        await staying.Next("votesChanged", v => CountIn(v, questionId) == 1);
        Assert.Empty(leaving.Received("votesChanged"));
    }

    private static string?[] QuestionIds(JsonElement snapshot) =>
        [.. snapshot.GetProperty("questions").EnumerateArray().Select(q => q.Str("questionId")).Order()];

    private static int CountIn(JsonElement votesChanged, string questionId) =>
        votesChanged.GetProperty("votes").TryGetProperty(questionId, out var count) ? count.GetInt32() : -1;
}
