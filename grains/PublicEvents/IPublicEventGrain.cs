using Hub.Grains.Common;
using Hub.Grains.Questions;
using Orleans.Concurrency;

namespace Hub.Grains.PublicEvents;

/// <summary>
/// One public event (an incident or a live session): its statements and their review, the
/// timeline every follower receives, the legal clocks, and the audit trail.
/// </summary>
public interface IPublicEventGrain : IGrainWithStringKey
{
    /// <summary>A press officer of the lead account opens the event; an incident's clocks start now.</summary>
    Task<PublicEventSnapshot> Open(Caller press, PublicEventRequest request);

    /// <summary>The whole event as followers see it; not_found when it does not exist.</summary>
    Task<PublicEventSnapshot> GetSnapshot();

    Task<Statement> Draft(Caller press, StatementDraft draft);

    /// <summary>Changes a draft's text; whoever edits becomes one of its authors.</summary>
    Task<Statement> Edit(Caller press, string statementId, string text);

    /// <summary>Review before release: approved by a press officer who is not one of its authors.</summary>
    Task<Statement> Approve(Caller press, string statementId);

    /// <summary>Puts the statement on the timeline and returns its seq; publishing it again returns the same seq.</summary>
    Task<long> Publish(Caller press, string statementId);

    Task<IReadOnlyList<Statement>> GetStatements(Caller press);

    /// <summary>The lead account's press officers bring in a cooperating account.</summary>
    Task InviteAccount(Caller press, string accountId);

    /// <summary>Records a press conference that was held; it satisfies the press-conference clock.</summary>
    Task RecordPressConference(Caller press, DateTimeOffset heldAt, string place);

    /// <summary>Open, monitoring or closed; closing needs a summary and is final.</summary>
    Task SetStatus(Caller press, string status, string? summary);

    Task<IReadOnlyList<AuditEntry>> GetAuditTrail(Caller press);

    /// <summary>A citizen asks; the question waits for moderation. The same client question id returns the same question.</summary>
    Task<Question> Ask(Caller citizen, string clientQuestionId, string text);

    /// <summary>
    /// One vote per citizen on an approved question; answers the count once it is stored.
    /// Votes interleave, so that a burst of them is stored in a few batched inserts rather than one by one.
    /// </summary>
    [AlwaysInterleave]
    Task<int> Upvote(Caller citizen, string questionId);

    /// <summary>A moderator or press officer approves or rejects a pending question, with a reason for the log.</summary>
    Task<Question> Moderate(Caller moderator, string questionId, string decision, string? reason);

    /// <summary>Answers an approved question (or changes the answer); it moves to the answered list.</summary>
    Task<Question> Answer(Caller moderator, string questionId, string text);

    /// <summary>Folds a question into a near duplicate: voters add up, both authors see the merged question.</summary>
    Task<Question> Merge(Caller moderator, string questionId, string intoQuestionId);

    /// <summary>Shows every viewer which question is being answered now; null unpins.</summary>
    Task Pin(Caller moderator, string? questionId);

    Task<ModerationQueue> GetModerationQueue(Caller moderator);

    /// <summary>The caller's own questions, whatever their status.</summary>
    Task<IReadOnlyList<Question>> GetMyQuestions(Caller citizen);
}
