using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>What reaches the public of a Q&amp;A board: the board's pseudonym for each author, never their id or name.</summary>
[Collection(HubCollection.Name)]
public sealed class QuestionPrivacyTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task The_public_sees_a_pseudonym_and_moderators_see_the_author()
    {
        var account = await Api.Account("市政府门户网站");
        var eventId = await Api.OpenEvent((await Api.Press(account)).Token, account, severity: 4, title: "市长在线访谈", kind: "live");
        await using var moderator = await hub.Connect((await Api.Moderator(account)).Token);
        var asker = await Api.Citizen("独一无二的提问者");
        await using var author = await hub.Connect(asker.Token);
        await using var viewer = await hub.Connect(token: null);
        await viewer.Invoke<JsonElement>("FollowEvent", eventId);

        var questionId = (await author.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "我的电话１３８ １２３４ ５６７８，请回电")).Str("questionId");
        await moderator.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");

        var pushed = await viewer.Next("questionUpdated", q => q.Str("questionId") == questionId);
        var followed = (await viewer.Invoke<JsonElement>("FollowEvent", eventId)).GetProperty("questions").EnumerateArray().Single();
        var fetched = (await (await Api.Send(HttpMethod.Get, $"/api/events/{eventId}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("questions").EnumerateArray().Single();
        foreach (var seen in new[] { pushed, followed, fetched })
        {
            Assert.False(seen.TryGetProperty("authorId", out _));
            Assert.False(seen.TryGetProperty("authorName", out _));
            Assert.DoesNotContain(asker.UserId, seen.GetRawText());
            Assert.DoesNotContain("独一无二的提问者", seen.GetRawText());
            Assert.Matches("^[1-9][0-9]{3}$", seen.Str("authorPseudonym"));
            Assert.Equal("我的电话138****5678，请回电", seen.Str("text"));
        }
        Assert.Equal(followed.Str("authorPseudonym"), pushed.Str("authorPseudonym"));

        var board = (await moderator.Invoke<JsonElement>("GetModerationQueue", eventId)).GetProperty("board").EnumerateArray().Single();
        Assert.Equal((asker.UserId, "独一无二的提问者"), (board.Str("authorId"), board.Str("authorName")));
        var mine = (await author.Invoke<JsonElement[]>("GetMyQuestions", eventId)).Single();
        Assert.Equal((questionId, asker.UserId), (mine.Str("questionId"), mine.Str("authorId")));
    }
}
