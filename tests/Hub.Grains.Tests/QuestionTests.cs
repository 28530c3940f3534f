using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.Push;
using Hub.Grains.Questions;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class QuestionTests(ClusterFixture fixture)
{
    private readonly PublicEventScenario _given = new(fixture);

    private async Task<(IPublicEventGrain Board, string Lead, Caller Moderator)> LiveBoard(params string[] restrictedWords)
    {
        var lead = await _given.Given.Account("市政府门户网站");
        var moderator = new Caller($"s-{Guid.NewGuid():N}", "主持人", [Roles.Moderator], [lead]);
        var admin = new Caller("s-admin", "admin", [Roles.Admin], []);
        await fixture.Grains.GetGrain<IAccountGrain>(lead).SetRestrictedWords(admin, restrictedWords);
        var board = _given.Event();
        await board.Open(PublicEventScenario.Press(lead), new PublicEventRequest(lead, PublicEventKind.Live, "市长在线访谈", null));
        return (board, lead, moderator);
    }

    private static async Task<Question> Approved(IPublicEventGrain board, Caller moderator, string text, Caller? author = null)
    {
        var question = await board.Ask(author ?? Scenario.Citizen(), Guid.NewGuid().ToString("N"), text);
        return await board.Moderate(moderator, question.QuestionId, "approve", null);
    }

    [Fact]
    public async Task Asking_is_idempotent_and_pending_questions_reach_only_staff_and_the_author()
    {
        var (board, lead, moderator) = await LiveBoard();
        var citizen = Scenario.Citizen();

        var first = await board.Ask(citizen, "cq-1", "老旧小区加装电梯有补贴吗？");
        var again = await board.Ask(citizen, "cq-1", "老旧小区加装电梯有补贴吗？");

        Assert.Equal((first.QuestionId, "pending"), (again.QuestionId, again.Status));
        Assert.Empty((await board.GetSnapshot()).Questions);
        var id = board.GetPrimaryKeyString();
        Assert.Contains(ClusterFixture.Push.SentTo<Question>(PushGroups.ModeratorsOf(lead), ClientEvents.QuestionUpdated), q => q.EventId == id);
        Assert.Contains(ClusterFixture.Push.SentTo<Question>(citizen.UserId, ClientEvents.QuestionUpdated), q => q.EventId == id);
        Assert.DoesNotContain(ClusterFixture.Push.SentTo<Question>(PushGroups.Followers(id), ClientEvents.QuestionUpdated), q => q.EventId == id);
        Assert.Single((await board.GetModerationQueue(moderator)).Pending);
        await Rules.Refused(HubErrorCode.Forbidden, () => board.Ask(moderator, "cq-2", "x"));
        await Rules.Refused(HubErrorCode.Forbidden, () => board.GetModerationQueue(citizen));
    }

    [Fact]
    public async Task Approved_questions_go_public_and_take_one_vote_per_citizen()
    {
        var (board, _, moderator) = await LiveBoard();
        var voter = Scenario.Citizen();
        var pending = await board.Ask(Scenario.Citizen(), "cq-1", "待审核的问题");
        var rejected = await board.Moderate(moderator, (await board.Ask(Scenario.Citizen(), "cq-2", "被驳回的问题")).QuestionId, "reject", null);
        var approved = await Approved(board, moderator, "公园开放时间会延长吗？");

        Assert.Equal(1, await board.Upvote(voter, approved.QuestionId));
        Assert.Equal(2, await board.Upvote(Scenario.Citizen(), approved.QuestionId));

        await Rules.Refused(HubErrorCode.Conflict, () => board.Upvote(voter, approved.QuestionId));
        await Rules.Refused(HubErrorCode.Conflict, () => board.Upvote(voter, pending.QuestionId));
        await Rules.Refused(HubErrorCode.Conflict, () => board.Upvote(voter, rejected.QuestionId));
        await Rules.Refused(HubErrorCode.NotFound, () => board.Upvote(voter, "q404"));
        await Rules.Refused(HubErrorCode.Forbidden, () => board.Upvote(moderator, approved.QuestionId));
        var board1 = Assert.Single((await board.GetSnapshot()).Questions);
        Assert.Equal((approved.QuestionId, 2, "approved"), (board1.QuestionId, board1.Votes, board1.Status));
    }

    [Fact]
    public async Task The_board_ranks_by_votes_then_by_who_asked_first()
    {
        var (board, _, moderator) = await LiveBoard();
        var early = await Approved(board, moderator, "第一个问题");
        var popular = await Approved(board, moderator, "第二个问题");
        var late = await Approved(board, moderator, "第三个问题");
        foreach (var (question, votes) in new[] { (early, 2), (popular, 3), (late, 2) })
        {
            for (var i = 0; i < votes; i++)
            {
                await board.Upvote(Scenario.Citizen(), question.QuestionId);
            }
        }

        Assert.Equal([popular.QuestionId, early.QuestionId, late.QuestionId], (await board.GetSnapshot()).Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public async Task Vote_pushes_are_coalesced_and_the_last_count_always_goes_out()
    {
        var (board, _, moderator) = await LiveBoard();
        var question = await Approved(board, moderator, "地铁延长线什么时候开通？");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => board.Upvote(Scenario.Citizen(), question.QuestionId)));

        var followers = PushGroups.VoteFollowers(board.GetPrimaryKeyString());
        await ClusterFixture.Push.Next<Question>(followers, ClientEvents.QuestionUpdated, q => q.QuestionId == question.QuestionId && q.Votes == 40);
        var pushed = ClusterFixture.Push.SentTo<Question>(followers, ClientEvents.QuestionUpdated).Where(q => q.QuestionId == question.QuestionId).ToList();
        Assert.True(pushed.Count < 20, $"{pushed.Count} pushes for 40 votes");
        Assert.Equal(40, pushed[^1].Votes);
    }

    [Fact]
    public async Task Board_followers_get_every_changed_count_of_a_period_in_one_frame()
    {
        var (board, _, moderator) = await LiveBoard();
        var first = await Approved(board, moderator, "地铁延长线什么时候开通？");
        var second = await Approved(board, moderator, "公园开放时间会延长吗？");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => board.Upvote(Scenario.Citizen(), (i % 3 == 0 ? second : first).QuestionId)));

        var boardFollowers = PushGroups.BoardFollowers(board.GetPrimaryKeyString());
        await ClusterFixture.Push.Next<VotesChanged>(boardFollowers, ClientEvents.VotesChanged, v => v.Votes.GetValueOrDefault(first.QuestionId) == 20);
        var frames = ClusterFixture.Push.SentTo<VotesChanged>(boardFollowers, ClientEvents.VotesChanged).Where(v => v.EventId == board.GetPrimaryKeyString()).ToList();
        Assert.True(frames.Count < 15, $"{frames.Count} board frames for 30 votes");
        Assert.Contains(frames, v => v.Votes.Count == 2);
        var last = frames.SelectMany(v => v.Votes).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        Assert.Equal(new Dictionary<string, int> { [first.QuestionId] = 20, [second.QuestionId] = 10 }, last);
        Assert.DoesNotContain(ClusterFixture.Push.SentTo<Question>(boardFollowers, ClientEvents.QuestionUpdated), q => q.EventId == board.GetPrimaryKeyString());
    }

    [Fact]
    public async Task Personal_data_is_masked_before_anyone_sees_the_question()
    {
        var (board, _, moderator) = await LiveBoard();

        var question = await Approved(board, moderator, "我的电话13812345678，身份证11010119900307123X，邮箱zhang.san@example.com，请回电");

        Assert.Equal("我的电话138****5678，身份证110101********123X，邮箱z***@example.com，请回电", question.Text);
        Assert.Equal(question.Text, (await board.GetSnapshot()).Questions.Single().Text);
    }

    [Fact]
    public async Task A_restricted_word_refuses_the_question()
    {
        var (board, _, _) = await LiveBoard("违禁词", "forbidden");

        await Rules.Refused(HubErrorCode.BadRequest, () => board.Ask(Scenario.Citizen(), "cq-1", "这里有违禁词"));
        await Rules.Refused(HubErrorCode.BadRequest, () => board.Ask(Scenario.Citizen(), "cq-2", "This is FORBIDDEN"));
        Assert.Equal("pending", (await board.Ask(Scenario.Citizen(), "cq-3", "正常的问题")).Status);
    }

    [Fact]
    public async Task Near_duplicates_are_offered_for_merging_and_merged_votes_add_up_for_both_authors()
    {
        var (board, _, moderator) = await LiveBoard();
        var firstAuthor = Scenario.Citizen();
        var secondAuthor = Scenario.Citizen();
        var original = await Approved(board, moderator, "公交车什么时候恢复运营？", firstAuthor);
        var english = await Approved(board, moderator, "When will the buses run again?");
        var repeat = await board.Ask(secondAuthor, "cq-1", "请问公交车何时恢复运营");
        var englishRepeat = await board.Ask(Scenario.Citizen(), "cq-2", "when will buses run again");
        var different = await board.Ask(Scenario.Citizen(), "cq-3", "图书馆周末开放吗？");
        await board.Moderate(moderator, repeat.QuestionId, "approve", null);
        var sharedVoter = Scenario.Citizen();
        await board.Upvote(sharedVoter, original.QuestionId);
        await board.Upvote(sharedVoter, repeat.QuestionId);
        await board.Upvote(Scenario.Citizen(), repeat.QuestionId);

        Assert.Equal([original.QuestionId], repeat.Resembles);
        Assert.Equal([english.QuestionId], englishRepeat.Resembles);
        Assert.Empty(different.Resembles);

        var merged = await board.Merge(moderator, repeat.QuestionId, original.QuestionId);

        Assert.Equal(2, merged.Votes);
        Assert.Equal([original.QuestionId, english.QuestionId], (await board.GetSnapshot()).Questions.Select(q => q.QuestionId));
        Assert.Contains(ClusterFixture.Push.SentTo<Question>(secondAuthor.UserId, ClientEvents.QuestionUpdated), q => q.QuestionId == original.QuestionId);
        Assert.Contains(ClusterFixture.Push.SentTo<Question>(firstAuthor.UserId, ClientEvents.QuestionUpdated), q => q.QuestionId == original.QuestionId);
        Assert.Equal(original.QuestionId, (await board.GetMyQuestions(secondAuthor)).Single().MergedInto);
        Assert.Contains(ClusterFixture.Push.SentTo<Question>(PushGroups.Followers(board.GetPrimaryKeyString()), ClientEvents.QuestionUpdated),
            q => q.QuestionId == repeat.QuestionId && q.Status == "merged");
        await Rules.Refused(HubErrorCode.Conflict, () => board.Merge(moderator, repeat.QuestionId, english.QuestionId));
    }

    [Fact]
    public async Task Moderation_keeps_reasons_in_a_log_and_tells_a_rejected_author()
    {
        var (board, _, moderator) = await LiveBoard();
        var author = Scenario.Citizen();
        var question = await board.Ask(author, "cq-1", "与本次访谈无关的广告");

        await Rules.Refused(HubErrorCode.BadRequest, () => board.Moderate(moderator, question.QuestionId, "maybe", null));
        await board.Moderate(moderator, question.QuestionId, "reject", "与主题无关");
        await Rules.Refused(HubErrorCode.Conflict, () => board.Moderate(moderator, question.QuestionId, "approve", null));
        await Rules.Refused(HubErrorCode.Conflict, () => board.Answer(moderator, question.QuestionId, "答复"));

        var entry = Assert.Single((await board.GetModerationQueue(moderator)).Log);
        Assert.Equal((question.QuestionId, "reject", "与主题无关", moderator.UserId), (entry.QuestionId, entry.Decision, entry.Reason, entry.ModeratorId));
        var told = ClusterFixture.Push.SentTo<Question>(author.UserId, ClientEvents.QuestionUpdated).Last(q => q.QuestionId == question.QuestionId);
        Assert.Equal(("rejected", "与主题无关"), (told.Status, told.RejectReason));
    }

    [Fact]
    public async Task Answers_move_questions_to_the_answered_list_and_pins_reach_every_viewer()
    {
        var (board, _, moderator) = await LiveBoard();
        var question = await Approved(board, moderator, "垃圾分类有哪些新规定？");
        var pending = await board.Ask(Scenario.Citizen(), "cq-1", "还没审核");

        await Rules.Refused(HubErrorCode.Conflict, () => board.Pin(moderator, pending.QuestionId));
        await board.Pin(moderator, question.QuestionId);
        var answered = await board.Answer(moderator, question.QuestionId, "自下月起实行四分类。");

        Assert.Equal(("answered", "自下月起实行四分类。"), (answered.Status, answered.Answer));
        var snapshot = await board.GetSnapshot();
        Assert.Equal(question.QuestionId, snapshot.PinnedQuestionId);
        Assert.Equal("answered", snapshot.Questions.Single().Status);
        var pinned = ClusterFixture.Push.SentTo<QuestionPinned>(PushGroups.Followers(board.GetPrimaryKeyString()), ClientEvents.QuestionPinned);
        Assert.Equal(question.QuestionId, Assert.Single(pinned).QuestionId);
    }

    [Fact]
    public async Task Bursts_beyond_the_limits_are_refused_until_the_window_passes()
    {
        var (board, _, moderator) = await LiveBoard();
        var asker = Scenario.Citizen();
        for (var i = 0; i < 5; i++)
        {
            await board.Ask(asker, $"cq-{i}", $"问题 {i}");
        }
        await Rules.Refused(HubErrorCode.RateLimited, () => board.Ask(asker, "cq-5", "问题 5"));

        var voter = Scenario.Citizen();
        var questions = new List<Question>();
        for (var i = 0; i <= ClusterFixture.VoteLimit; i++)
        {
            questions.Add(await Approved(board, moderator, $"可投票的问题 {i}"));
        }
        foreach (var question in questions.Take(ClusterFixture.VoteLimit))
        {
            await board.Upvote(voter, question.QuestionId);
        }
        await Rules.Refused(HubErrorCode.RateLimited, () => board.Upvote(voter, questions[^1].QuestionId));

        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("pending", (await board.Ask(asker, "cq-5", "问题 5")).Status);
        Assert.Equal(1, await board.Upvote(voter, questions[^1].QuestionId));
    }
}
