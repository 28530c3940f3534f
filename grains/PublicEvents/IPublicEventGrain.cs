using Hub.Grains.Common;

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
}
