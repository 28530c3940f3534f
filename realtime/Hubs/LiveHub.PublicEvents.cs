using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.Push;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record StatementCreated(string StatementId);

    public sealed record Published(long Seq);

    /// <summary>
    /// Joins the followers first and reads the snapshot second, so no update can fall between
    /// them; an update in both is told apart by its seq.
    /// </summary>
    public async Task<PublicEventSnapshot> FollowEvent(string eventId)
    {
        var group = PushGroups.Followers(GeneratedId.Require(eventId, "event"));
        await JoinGroup(group);
        try
        {
            return await PublicEvent(eventId).GetSnapshot();
        }
        catch (RuleViolation)
        {
            await LeaveGroup(group);
            throw;
        }
    }

    public Task UnfollowEvent(string eventId) => LeaveGroup(PushGroups.Followers(GeneratedId.Require(eventId, "event")));

    public Task<StatementCreated> DraftStatement(string eventId, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Statement, text));

    public Task<StatementCreated> DraftCorrection(string eventId, string correctsStatementId, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Correction, text, CorrectsStatementId: correctsStatementId));

    public Task<StatementCreated> DraftRebuttal(string eventId, string rumour, string text) =>
        Draft(eventId, new StatementDraft(StatementKinds.Rebuttal, text, Rumour: rumour));

    public Task<Statement> EditStatement(string eventId, string statementId, string text) =>
        PublicEvent(eventId).Edit(Caller, statementId, text);

    public Task<Statement> ApproveStatement(string eventId, string statementId) =>
        PublicEvent(eventId).Approve(Caller, statementId);

    public async Task<Published> PublishStatement(string eventId, string statementId) =>
        new(await PublicEvent(eventId).Publish(Caller, statementId));

    public Task<IReadOnlyList<Statement>> GetStatements(string eventId) =>
        PublicEvent(eventId).GetStatements(Caller);

    public Task InviteAccount(string eventId, string accountId) =>
        PublicEvent(eventId).InviteAccount(Caller, accountId);

    public Task RecordPressConference(string eventId, DateTimeOffset heldAt, string place) =>
        PublicEvent(eventId).RecordPressConference(Caller, heldAt, place);

    public Task SetEventStatus(string eventId, string status, string? summary) =>
        PublicEvent(eventId).SetStatus(Caller, status, summary);

    public Task<IReadOnlyList<AuditEntry>> GetAuditTrail(string eventId) =>
        PublicEvent(eventId).GetAuditTrail(Caller);

    private async Task<StatementCreated> Draft(string eventId, StatementDraft draft) =>
        new((await PublicEvent(eventId).Draft(Caller, draft)).StatementId);

    private IPublicEventGrain PublicEvent(string? eventId) =>
        grains.GetGrain<IPublicEventGrain>(GeneratedId.Require(eventId, "event"));
}
