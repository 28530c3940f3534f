using Hub.Grains.Governance.Inspection;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Limits;
using Hub.Grains.Push;
using Hub.Grains.Questions;
using Hub.Grains.Webhooks;

namespace Hub.Grains.PublicEvents;

/// <summary>
/// Live Q&amp;A: citizens ask and vote, moderators approve, reject, merge and pin, officials
/// answer. The board lives in memory and in the question store, a row per question and per
/// vote; votes are batched by the store, and their counts reach viewers coalesced, a few
/// pushes a second with the last count always sent.
/// </summary>
public sealed partial class PublicEventGrain
{
    private static readonly TimeSpan RestrictedWordsFreshFor = TimeSpan.FromSeconds(30);

    private RateWindow? _askWindow;
    private RateWindow? _voteWindow;
    private readonly HashSet<string> _votesToPush = [];
    private IGrainTimer? _votePushTimer;
    private int _pendingVotes;
    private (IReadOnlyList<string> Words, DateTimeOffset FetchedAt)? _restrictedWords;

    // Segmenting is the costly part of comparing questions, so each question is segmented once per activation.
    private readonly Dictionary<string, IReadOnlySet<string>> _wordsOf = [];

    // The board, kept in the question store and read back at activation.
    private readonly Dictionary<string, QuestionRecord> _questions = [];
    private readonly Dictionary<string, string> _questionByClientKey = [];

    private QuestionOptions Questions => questionOptions.Value;

    async Task<Question> IPublicEventGrain.Ask(Caller citizen, string clientQuestionId, string text)
    {
        RequireExists();
        if (!citizen.HasRole(Roles.Citizen))
        {
            throw RuleViolation.Forbidden("only citizens ask questions");
        }
        clientQuestionId = TextRules.RequireClientId(clientQuestionId, "clientQuestionId");
        var clientKey = ClientKey(citizen.UserId, clientQuestionId);
        if (_questionByClientKey.TryGetValue(clientKey, out var existing))
        {
            return FullView(_questions[existing]);
        }
        text = TextRules.RequireText(text, "text").Trim();
        RequireNotClosed();
        // The word itself is not told: the list is the account's, and echoing it would let anyone read it by trying.
        if (RestrictedWords.FirstIn(text, await RestrictedWordsOfLead()) is not null)
        {
            throw RuleViolation.BadRequest("the question contains a restricted word");
        }
        if (!(_askWindow ??= new RateWindow(Questions.AskLimit, Questions.AskWindow, time)).TryTake(citizen.UserId))
        {
            throw RuleViolation.RateLimited($"at most {Questions.AskLimit} questions per {Questions.AskWindow.TotalSeconds:0} seconds");
        }
        if (_questionByClientKey.TryGetValue(clientKey, out existing))
        {
            return FullView(_questions[existing]);
        }

        var masked = PersonalDataMask.Apply(text);
        var words = QuestionSimilarity.Words(masked);
        var number = _questions.Count + 1L;
        var record = new QuestionRecord
        {
            QuestionId = $"q{number}",
            Number = number,
            AuthorId = citizen.UserId,
            AuthorName = citizen.DisplayName,
            ClientQuestionId = clientQuestionId,
            Text = masked,
            AskedAt = time.GetUtcNow(),
            Resembles = [.. _questions.Values
                .Where(q => q.Status is not (QuestionStatus.Rejected or QuestionStatus.Merged))
                .Where(q => QuestionSimilarity.Similarity(words, WordsOf(q)) >= QuestionSimilarity.DuplicateThreshold)
                .Select(q => q.QuestionId)],
        };
        await SaveQuestion(record);
        Remember(record);
        _wordsOf[record.QuestionId] = words;
        await PushQuestion(record, authors: [citizen.UserId]);
        return FullView(record);
    }

    async Task<int> IPublicEventGrain.Upvote(Caller citizen, string questionId)
    {
        RequireExists();
        if (!citizen.HasRole(Roles.Citizen))
        {
            throw RuleViolation.Forbidden("only citizens vote");
        }
        var question = RequireQuestion(questionId);
        if (question.Status != QuestionStatus.Approved)
        {
            throw RuleViolation.Conflict($"question {questionId} is {question.Status}; only approved questions take votes");
        }
        if (question.Voters.Contains(citizen.UserId))
        {
            throw RuleViolation.Conflict("one vote per citizen per question");
        }
        if (_pendingVotes >= Questions.MaxPendingVotes)
        {
            throw RuleViolation.RateLimited("the board is busy; vote again in a moment");
        }
        if (!(_voteWindow ??= new RateWindow(Questions.VoteLimit, Questions.VoteWindow, time)).TryTake(citizen.UserId))
        {
            throw RuleViolation.RateLimited($"at most {Questions.VoteLimit} votes per {Questions.VoteWindow.TotalSeconds:0} seconds");
        }

        question.Voters.Add(citizen.UserId);
        _pendingVotes++;
        try
        {
            await questionStore.AddVotes(Id, questionId, [citizen.UserId]);
        }
        catch
        {
            // Not stored, so not counted: the citizen may vote again.
            question.Voters.Remove(citizen.UserId);
            throw;
        }
        finally
        {
            _pendingVotes--;
        }
        PushVotesSoon(question.QuestionId);
        return question.Voters.Count;
    }

    async Task<Question> IPublicEventGrain.Moderate(Caller moderator, string questionId, string decision, string? reason)
    {
        RequireModerator(moderator);
        var question = RequireQuestion(questionId);
        var status = decision switch
        {
            "approve" => QuestionStatus.Approved,
            "reject" => QuestionStatus.Rejected,
            _ => throw RuleViolation.BadRequest("decision must be 'approve' or 'reject'"),
        };
        reason = TextRules.OptionalText(reason, "reason").Trim();
        if (question.Status != QuestionStatus.Pending)
        {
            throw RuleViolation.Conflict($"question {questionId} is already {question.Status}");
        }
        question.Status = status;
        question.RejectReason = status == QuestionStatus.Rejected && reason.Length > 0 ? reason : null;
        await SaveQuestion(question);
        Log(moderator, questionId, decision, reason);
        await state.WriteOrReload(this);
        await GrainFactory.ReportIndicator(State.LeadAccountId, IndicatorEvent.Moderation, time.GetUtcNow());
        await PushQuestion(question, authors: [question.AuthorId]);
        return FullView(question);
    }

    async Task<Question> IPublicEventGrain.Answer(Caller moderator, string questionId, string text)
    {
        RequireModerator(moderator);
        var question = RequireQuestion(questionId);
        text = TextRules.RequireText(text, "text").Trim();
        if (!question.IsPublic)
        {
            throw RuleViolation.Conflict($"question {questionId} is {question.Status}; only approved questions are answered");
        }
        question.Status = QuestionStatus.Answered;
        // Answers are public too; an official quoting a caller's number must not publish it.
        question.Answer = PersonalDataMask.Apply(text);
        question.AnsweredBy = moderator.UserId;
        question.AnsweredAt = time.GetUtcNow();
        await SaveQuestion(question);
        Log(moderator, questionId, "answer", null);
        await state.WriteOrReload(this);
        await PushQuestion(question, authors: [question.AuthorId]);
        await GrainFactory.RaiseWebhook(State.LeadAccountId, WebhookEventTypes.QuestionAnswered, PublicView(question));
        return FullView(question);
    }

    async Task<Question> IPublicEventGrain.Merge(Caller moderator, string questionId, string intoQuestionId)
    {
        RequireModerator(moderator);
        var source = RequireQuestion(questionId);
        var target = RequireQuestion(intoQuestionId);
        if (source == target)
        {
            throw RuleViolation.BadRequest("a question cannot be merged into itself");
        }
        if (source.Status is QuestionStatus.Merged or QuestionStatus.Rejected || target.Status is QuestionStatus.Merged or QuestionStatus.Rejected)
        {
            throw RuleViolation.Conflict("rejected and merged questions cannot be merged");
        }
        var sourceWasPublic = source.IsPublic;
        await questionStore.AddVotes(Id, target.QuestionId, source.Voters);
        target.Voters.UnionWith(source.Voters);
        source.Status = QuestionStatus.Merged;
        source.MergedInto = target.QuestionId;
        await SaveQuestion(source);
        if (State.PinnedQuestionId == source.QuestionId)
        {
            State.PinnedQuestionId = target.QuestionId;
        }
        Log(moderator, questionId, "merge", $"into {intoQuestionId}");
        await state.WriteOrReload(this);
        await PushQuestion(source, authors: [source.AuthorId], viewersSawIt: sourceWasPublic);
        await PushQuestion(target, authors: [source.AuthorId, target.AuthorId]);
        return FullView(target);
    }

    async Task IPublicEventGrain.Pin(Caller moderator, string? questionId)
    {
        RequireModerator(moderator);
        var question = questionId is null ? null : RequireQuestion(questionId);
        if (question is { IsPublic: false })
        {
            throw RuleViolation.Conflict($"question {questionId} is {question.Status}; only approved questions are pinned");
        }
        State.PinnedQuestionId = question?.QuestionId;
        Log(moderator, questionId ?? "", question is null ? "unpin" : "pin", null);
        await state.WriteOrReload(this);
        await push.ToGroups([PushGroups.Followers(Id)], ClientEvents.QuestionPinned,
            new QuestionPinned(Id, question?.QuestionId, question is null ? null : PublicView(question)));
        await push.ToGroups(StaffGroups(), ClientEvents.QuestionPinned,
            new QuestionPinned(Id, question?.QuestionId, question is null ? null : FullView(question)));
    }

    Task<ModerationQueue> IPublicEventGrain.GetModerationQueue(Caller moderator)
    {
        if (!Inspects(moderator))
        {
            RequireModerator(moderator);
        }
        var pending = _questions.Values.Where(q => q.Status == QuestionStatus.Pending).OrderBy(q => q.Number);
        var board = QuestionRanking.Rank(_questions.Values.Where(q => q.IsPublic));
        return Task.FromResult(new ModerationQueue([.. pending.Select(FullView)], [.. State.ModerationLog], [.. board.Select(FullView)]));
    }

    Task<IReadOnlyList<Question>> IPublicEventGrain.GetMyQuestions(Caller citizen)
    {
        RequireExists();
        IReadOnlyList<Question> mine = [.. _questions.Values.Where(q => q.AuthorId == citizen.UserId)
            .OrderBy(q => q.Number).Select(FullView)];
        return Task.FromResult(mine);
    }

    /// <summary>The board viewers see: approved and answered questions, ranked.</summary>
    private IReadOnlyList<Question> PublicQuestions() =>
        [.. QuestionRanking.Rank(_questions.Values.Where(q => q.IsPublic)).Select(PublicView)];

    /// <summary>
    /// Public questions reach every follower; the others only the event's moderators and press
    /// officers, and the authors concerned (a rejected author learns it was not published).
    /// Each audience gets its own view: followers the pseudonym, staff and the author the author.
    /// </summary>
    private async Task PushQuestion(QuestionRecord question, IReadOnlyCollection<string> authors, bool viewersSawIt = false)
    {
        // A question that leaves the board (merged) is still news to the viewers who saw it there.
        if (viewersSawIt || question.IsPublic)
        {
            await push.ToGroups([PushGroups.Followers(Id)], ClientEvents.QuestionUpdated, PublicView(question));
        }
        await push.ToGroups(StaffGroups(), ClientEvents.QuestionUpdated, FullView(question));
        foreach (var author in authors.Distinct())
        {
            await push.ToUsers([author], ClientEvents.QuestionUpdated, author == question.AuthorId ? FullView(question) : PublicView(question));
        }
    }

    private void PushVotesSoon(string questionId)
    {
        _votesToPush.Add(questionId);
        _votePushTimer ??= this.RegisterGrainTimer(PushVotes, new GrainTimerCreationOptions
        {
            DueTime = Questions.VotePushPeriod,
            Period = Questions.VotePushPeriod,
        });
    }

    /// <summary>
    /// Sends the latest count of every question voted on since the last push, then sleeps when idle:
    /// one frame per question to the contract's followers and the staff, and one frame with every
    /// changed count to the board's followers, whose frames then do not grow with the questions.
    /// </summary>
    private async Task PushVotes()
    {
        if (_votesToPush.Count == 0)
        {
            _votePushTimer?.Dispose();
            _votePushTimer = null;
            return;
        }
        var changed = _votesToPush.Select(id => _questions[id]).ToList();
        _votesToPush.Clear();
        foreach (var question in changed)
        {
            await push.ToGroups([PushGroups.VoteFollowers(Id)], ClientEvents.QuestionUpdated, PublicView(question));
            await push.ToGroups(StaffGroups(), ClientEvents.QuestionUpdated, FullView(question));
        }
        var onBoard = changed.Where(q => q.IsPublic).ToDictionary(q => q.QuestionId, q => q.Voters.Count);
        if (onBoard.Count > 0)
        {
            await push.ToGroups([PushGroups.BoardFollowers(Id)], ClientEvents.VotesChanged, new VotesChanged(Id, onBoard));
        }
    }

    private async Task<IReadOnlyList<string>> RestrictedWordsOfLead()
    {
        var now = time.GetUtcNow();
        if (_restrictedWords is not { } cached || now - cached.FetchedAt > RestrictedWordsFreshFor)
        {
            _restrictedWords = cached = (await GrainFactory.GetGrain<IAccountGrain>(State.LeadAccountId).GetRestrictedWords(), now);
        }
        return cached.Words;
    }

    /// <summary>
    /// Stores a changed question; if that fails, the activation is dropped so the next call
    /// reads what the store really holds, as for the event's own state.
    /// </summary>
    private async Task SaveQuestion(QuestionRecord question)
    {
        try
        {
            await questionStore.Save(Id, question);
        }
        catch
        {
            GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "a question could not be stored"));
            throw;
        }
    }

    private void Remember(QuestionRecord question)
    {
        _questions[question.QuestionId] = question;
        NumberAuthor(question);
        _questionByClientKey[ClientKey(question.AuthorId, question.ClientQuestionId)] = question.QuestionId;
    }

    private static string ClientKey(string authorId, string clientQuestionId) => $"{authorId}\n{clientQuestionId}";

    private IReadOnlySet<string> WordsOf(QuestionRecord question)
    {
        if (!_wordsOf.TryGetValue(question.QuestionId, out var words))
        {
            _wordsOf[question.QuestionId] = words = QuestionSimilarity.Words(question.Text);
        }
        return words;
    }

    private void Log(Caller moderator, string questionId, string decision, string? reason) =>
        State.ModerationLog.Add(new ModerationEntry(time.GetUtcNow(), moderator.UserId, moderator.DisplayName, questionId, decision,
            string.IsNullOrEmpty(reason) ? null : reason));

    /// <summary>Connections of the moderators and press officers of every account on the event.</summary>
    private IReadOnlyCollection<string> StaffGroups() =>
        [.. State.AccountIds.SelectMany(a => new[] { PushGroups.ModeratorsOf(a), PushGroups.PressOf(a) })];

    private QuestionRecord RequireQuestion(string? questionId) =>
        questionId is not null && _questions.TryGetValue(questionId, out var question)
            ? question
            : throw RuleViolation.NotFound($"question '{questionId}' does not exist in this event");

    private void RequireModerator(Caller caller)
    {
        RequireExists();
        if (!caller.HasRoleInAny(State.AccountIds, Roles.Moderator) && !caller.HasRoleInAny(State.AccountIds, Roles.Press))
        {
            throw RuleViolation.Forbidden("only moderators and press officers of the event's accounts can do this");
        }
    }
}
