using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.Push;
using Hub.Grains.Questions;

namespace Hub.Grains.Tests;

/// <summary>Viewers see a board's pseudonym for each author; staff and the author see who it is.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuestionAuthorTests(ClusterFixture fixture)
{
    private readonly PublicEventScenario _given = new(fixture);

    private async Task<(IPublicEventGrain Board, string Lead, Caller Moderator)> LiveBoard(string? lead = null)
    {
        lead ??= await _given.Given.Account("市政府门户网站");
        var board = _given.Event();
        await board.Open(PublicEventScenario.Press(lead), new PublicEventRequest(lead, PublicEventKind.Live, "市长在线访谈", null));
        return (board, lead, Scenario.Staff(lead, Roles.Moderator));
    }

    private static async Task<Question> Approved(IPublicEventGrain board, Caller moderator, Caller author, string text)
    {
        var question = await board.Ask(author, Guid.NewGuid().ToString("N"), text);
        return await board.Moderate(moderator, question.QuestionId, "approve", null);
    }

    [Fact]
    public async Task Viewers_see_a_stable_pseudonym_and_never_the_author()
    {
        var (board, lead, moderator) = await LiveBoard();
        var zhang = Scenario.Citizen("张三");
        var li = Scenario.Citizen("李四");
        var first = await Approved(board, moderator, zhang, "公园开放时间会延长吗？");
        var second = await Approved(board, moderator, zhang, "公园停车收费吗？");
        var other = await Approved(board, moderator, li, "地铁什么时候通车？");
        await board.Upvote(Scenario.Citizen(), first.QuestionId);

        var shown = (await board.GetSnapshot()).Questions;
        Assert.All(shown, q => Assert.Equal((null, null), (q.AuthorId, q.AuthorName)));
        Assert.All(shown, q => Assert.Matches("^[1-9][0-9]{3}$", q.AuthorPseudonym));
        var pseudonymOf = shown.ToDictionary(q => q.QuestionId, q => q.AuthorPseudonym);
        Assert.Equal(pseudonymOf[first.QuestionId], pseudonymOf[second.QuestionId]);
        Assert.NotEqual(pseudonymOf[first.QuestionId], pseudonymOf[other.QuestionId]);

        var id = board.GetPrimaryKeyString();
        await ClusterFixture.Push.Next<Question>(PushGroups.VoteFollowers(id), ClientEvents.QuestionUpdated, q => q.QuestionId == first.QuestionId && q.Votes == 1);
        var toFollowers = ClusterFixture.Push.SentTo<Question>(PushGroups.Followers(id), ClientEvents.QuestionUpdated)
            .Concat(ClusterFixture.Push.SentTo<Question>(PushGroups.VoteFollowers(id), ClientEvents.QuestionUpdated)).ToList();
        Assert.NotEmpty(toFollowers);
        Assert.All(toFollowers, q => Assert.Equal((null, null), (q.AuthorId, q.AuthorName)));

        var toModerators = ClusterFixture.Push.SentTo<Question>(PushGroups.ModeratorsOf(lead), ClientEvents.QuestionUpdated)
            .Where(q => q.EventId == board.GetPrimaryKeyString()).ToList();
        Assert.Contains(toModerators, q => q.QuestionId == other.QuestionId && q.AuthorId == li.UserId && q.AuthorName == "李四");
        Assert.All(toModerators, q => Assert.NotNull(q.AuthorId));
        var queue = await board.GetModerationQueue(moderator);
        Assert.Equal(li.UserId, queue.Board.Single(q => q.QuestionId == other.QuestionId).AuthorId);
        Assert.Equal(pseudonymOf[other.QuestionId], queue.Board.Single(q => q.QuestionId == other.QuestionId).AuthorPseudonym);

        var mine = await board.GetMyQuestions(zhang);
        Assert.Equal([first.QuestionId, second.QuestionId], mine.Select(q => q.QuestionId));
        Assert.All(mine, q => Assert.Equal(zhang.UserId, q.AuthorId));
    }

    [Fact]
    public async Task A_merged_question_tells_each_author_only_who_they_are()
    {
        var (board, _, moderator) = await LiveBoard();
        var zhang = Scenario.Citizen("张三");
        var li = Scenario.Citizen("李四");
        var original = await Approved(board, moderator, zhang, "公交车什么时候恢复运营？");
        var repeat = await Approved(board, moderator, li, "请问公交车何时恢复运营");

        await board.Merge(moderator, repeat.QuestionId, original.QuestionId);

        var toLi = ClusterFixture.Push.SentTo<Question>(li.UserId, ClientEvents.QuestionUpdated);
        Assert.Equal(li.UserId, toLi.Last(q => q.QuestionId == repeat.QuestionId).AuthorId);
        var targetToLi = toLi.Last(q => q.QuestionId == original.QuestionId);
        Assert.Equal((null, null), (targetToLi.AuthorId, targetToLi.AuthorName));
        Assert.Equal(zhang.UserId, ClusterFixture.Push.SentTo<Question>(zhang.UserId, ClientEvents.QuestionUpdated).Last().AuthorId);
    }

    [Fact]
    public async Task Pseudonyms_differ_from_board_to_board()
    {
        var lead = await _given.Given.Account();
        var (one, _, oneModerator) = await LiveBoard(lead);
        var (two, _, twoModerator) = await LiveBoard(lead);
        var citizens = Enumerable.Range(0, 4).Select(i => Scenario.Citizen($"市民{i}")).ToList();

        var onOne = new List<string>();
        var onTwo = new List<string>();
        foreach (var citizen in citizens)
        {
            onOne.Add((await Approved(one, oneModerator, citizen, "问题一")).AuthorPseudonym);
            onTwo.Add((await Approved(two, twoModerator, citizen, "问题二")).AuthorPseudonym);
        }

        Assert.NotEqual(onOne, onTwo);
    }

    [Fact]
    public void Every_author_of_a_board_has_a_number_of_their_own_and_keeps_it()
    {
        var key = AuthorPseudonyms.NewKey();
        var authors = Enumerable.Range(0, 600).Select(i => $"c-{i}").ToList();

        // Six hundred authors among nine thousand numbers: their hashes surely meet somewhere.
        var numbers = authors.Select(new AuthorPseudonyms(key).Of).ToList();
        var replayed = authors.Select(new AuthorPseudonyms(key).Of).ToList();
        var underAnotherKey = authors.Select(new AuthorPseudonyms(AuthorPseudonyms.NewKey()).Of).ToList();

        Assert.Equal(authors.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(int.Parse(n), 1000, 9999));
        Assert.Equal(numbers, replayed);
        Assert.NotEqual(numbers, underAnotherKey);
    }

    [Fact]
    public async Task Answers_are_masked_and_a_refusal_does_not_repeat_the_restricted_word()
    {
        var (board, lead, moderator) = await LiveBoard();
        await fixture.Grains.GetGrain<IAccountGrain>(lead).SetRestrictedWords(Scenario.Staff(lead, Roles.Moderator), ["违禁词"]);
        var question = await Approved(board, moderator, Scenario.Citizen(), "怎么联系社区？");

        var answered = await board.Answer(moderator, question.QuestionId, "请拨打社区电话 138 1234 5678 联系");
        var refused = await Assert.ThrowsAsync<RuleViolation>(() => board.Ask(Scenario.Citizen(), "cq-1", "这里有违禁词"));

        Assert.Equal("请拨打社区电话 138****5678 联系", answered.Answer);
        Assert.Equal(HubErrorCode.BadRequest, refused.Code);
        Assert.DoesNotContain("违禁词", refused.Message);
        Assert.Contains("restricted word", refused.Message);
    }

    [Fact]
    public async Task Inspectors_of_the_event_read_its_trails_and_change_nothing()
    {
        var (board, lead, moderator) = await LiveBoard();
        var question = await board.Ask(Scenario.Citizen("王五"), "cq-1", "待审核的问题");
        await board.Moderate(moderator, question.QuestionId, "reject", "无关");
        var inspector = Scenario.Staff(lead, Roles.Inspector);
        var stranger = Scenario.Staff(await _given.Given.Account(), Roles.Inspector);

        var queue = await board.GetModerationQueue(inspector);
        var audit = await board.GetAuditTrail(inspector);

        Assert.Equal("reject", Assert.Single(queue.Log).Decision);
        Assert.Equal("opened", audit[0].Action);
        await Rules.Refused(HubErrorCode.Forbidden, () => board.GetModerationQueue(stranger));
        await Rules.Refused(HubErrorCode.Forbidden, () => board.GetAuditTrail(stranger));
        await Rules.Refused(HubErrorCode.Forbidden, () => board.Moderate(inspector, question.QuestionId, "approve", null));
        await Rules.Refused(HubErrorCode.Forbidden, () => board.Pin(inspector, null));
    }
}
