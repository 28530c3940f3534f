using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.Push;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record StatementCreated(string StatementId);

    public sealed record Published(long Seq);

    /// <summary>
    /// Follows the event the contract's way: every change, each changed vote count as its own
    /// <c>questionUpdated</c>. Joins the followers first and reads the snapshot second, so no
    /// update can fall between them; an update in both is told apart by its seq.
    /// </summary>
    /// <roles>anyone</roles>
    public Task<PublicEventSnapshot> FollowEvent(string eventId) =>
        Follow(eventId, PushGroups.VoteFollowers);

    /// <summary>
    /// Follows the event as FollowEvent does, with the same snapshot, but receives the changed vote
    /// counts as one <c>votesChanged</c> per period instead of a <c>questionUpdated</c> per question;
    /// status and answer changes still come as <c>questionUpdated</c>. For boards with many questions
    /// and many viewers. The last count within a second of the last vote is the true one, as with
    /// FollowEvent.
    /// </summary>
    /// <roles>anyone</roles>
    public Task<PublicEventSnapshot> FollowEventBoard(string eventId) =>
        Follow(eventId, PushGroups.BoardFollowers);

    /// <summary>Stops the event's pushes to this connection, however it followed.</summary>
    /// <roles>anyone</roles>
    public async Task UnfollowEvent(string eventId)
    {
        var id = GeneratedId.Require(eventId, "event");
        await LeaveGroup(PushGroups.Followers(id));
        await LeaveGroup(PushGroups.VoteFollowers(id));
        await LeaveGroup(PushGroups.BoardFollowers(id));
    }

    /// <summary>Drafts a statement on the event.</summary>
    /// <roles>press</roles>
    public Task<StatementCreated> DraftStatement(string eventId, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Statement, text));

    /// <summary>Drafts a correction of a published statement.</summary>
    /// <roles>press</roles>
    public Task<StatementCreated> DraftCorrection(string eventId, string correctsStatementId, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Correction, text, CorrectsStatementId: correctsStatementId));

    /// <summary>Drafts a rebuttal of a rumour.</summary>
    /// <roles>press</roles>
    public Task<StatementCreated> DraftRebuttal(string eventId, string rumour, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Rebuttal, text, Rumour: rumour));

    /// <summary>Changes a draft's text; the editor becomes one of its authors. Only drafts can be edited.</summary>
    /// <roles>press</roles>
    public Task<Statement> EditStatement(string eventId, string statementId, string text) =>
        PublicEvent(eventId).Edit(Caller, statementId, text);

    /// <summary>Approves a draft; the drafter cannot approve their own.</summary>
    /// <roles>press</roles>
    public Task<Statement> ApproveStatement(string eventId, string statementId) =>
        PublicEvent(eventId).Approve(Caller, statementId);

    /// <summary>Publishes a statement to the event's followers; severity 1 and 2 need an approved one.</summary>
    /// <roles>press</roles>
    public async Task<Published> PublishStatement(string eventId, string statementId) =>
        new(await PublicEvent(eventId).Publish(Caller, statementId));

    /// <summary>Every statement of the event, drafts included.</summary>
    /// <roles>press</roles>
    public Task<IReadOnlyList<Statement>> GetStatements(string eventId) =>
        PublicEvent(eventId).GetStatements(Caller);

    /// <summary>Lets another account's press officers work on the event.</summary>
    /// <roles>press</roles>
    public Task InviteAccount(string eventId, string accountId) =>
        PublicEvent(eventId).InviteAccount(Caller, accountId);

    /// <summary>Records a press conference that was held, which meets the event's press-conference clock.</summary>
    /// <roles>press</roles>
    public Task RecordPressConference(string eventId, DateTimeOffset heldAt, string place) =>
        PublicEvent(eventId).RecordPressConference(Caller, heldAt, place);

    /// <summary>Moves the event to another status, with a closing summary when it closes.</summary>
    /// <roles>press</roles>
    public Task SetEventStatus(string eventId, string status, string? summary) =>
        PublicEvent(eventId).SetStatus(Caller, status, summary);

    /// <summary>Everything done on the event, by whom and when.</summary>
    /// <roles>press, inspector</roles>
    public Task<IReadOnlyList<AuditEntry>> GetAuditTrail(string eventId) =>
        PublicEvent(eventId).GetAuditTrail(Caller);

    /// <param name="votes">The group that chooses how vote counts arrive.</param>
    private async Task<PublicEventSnapshot> Follow(string eventId, Func<string, string> votes)
    {
        var id = GeneratedId.Require(eventId, "event");
        string[] groups = [PushGroups.Followers(id), votes(id)];
        foreach (var group in groups)
        {
            await JoinGroup(group);
        }
        try
        {
            return await PublicEvent(id).GetSnapshot();
        }
        catch (RuleViolation)
        {
            foreach (var group in groups)
            {
                await LeaveGroup(group);
            }
            throw;
        }
    }

    private async Task<StatementCreated> Draft(string eventId, StatementDraft draft) =>
        new((await PublicEvent(eventId).Draft(Caller, draft)).StatementId);

    private IPublicEventGrain PublicEvent(string? eventId) =>
        grains.GetGrain<IPublicEventGrain>(GeneratedId.Require(eventId, "event"));
}
