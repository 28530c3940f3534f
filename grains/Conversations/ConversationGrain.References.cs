using Hub.Grains.Common;
using Hub.Grains.Conversations.References;

namespace Hub.Grains.Conversations;

/// <summary>The conversation's reference number and return code, finding it by number, and its transcript.</summary>
public sealed partial class ConversationGrain
{
    /// <summary>
    /// Draws the day's next number and binds it to this conversation with the hash of a fresh
    /// return code; answers the code, which the citizen sees once.
    /// </summary>
    private async Task<string> DrawReference(Caller citizen)
    {
        var day = ReferenceNumber.DayOf(State.CreatedAt);
        var number = await GrainFactory.GetGrain<IReferenceSequenceGrain>(day).Next();
        State.Reference = ReferenceNumber.Format(day, number);
        var code = ReturnCode.New();
        await GrainFactory.GetGrain<IConversationReferenceGrain>(State.Reference)
            .Register(new ReferenceEntry(Id, citizen.UserId, citizen.DisplayName, ReturnCode.Hash(code)));
        return code;
    }

    private Task ForgetReference() =>
        GrainFactory.GetGrain<IConversationReferenceGrain>(State.Reference).Forget(Id);

    async Task<ConversationView> IConversationGrain.LookUp(Caller staff, string accountId)
    {
        RequireStarted();
        if (State.AccountId != accountId)
        {
            // Moved to another account (or never here): for this account the number names nothing.
            throw RuleViolation.NotFound("no conversation of this account has this reference number");
        }
        RequireStaffReader(staff);
        await RecordOversight(staff, "looked the conversation up by reference number");
        return await ViewFor(staff.UserId);
    }

    async Task<Transcript> IConversationGrain.GetTranscript(Caller caller)
    {
        RequireStarted();
        if (caller.UserId != State.CitizenId)
        {
            RequireStaffReader(caller);
            await RecordOversight(caller, "downloaded the transcript");
        }
        return Transcript.Write(State, await log.ReadAll(Id));
    }

    /// <summary>The account's own desk (agents, supervisors) reads as part of its work; an inspector's or admin's read is logged.</summary>
    private Task RecordOversight(Caller staff, string what) =>
        ServesTheAccount(staff) ? Task.CompletedTask : RecordInspection(staff, what);

    /// <summary>The account's agents, supervisors and inspectors, and admins, may read any of its conversations.</summary>
    private void RequireStaffReader(Caller staff)
    {
        var reads = staff.HasRole(Roles.Admin) || ServesTheAccount(staff) || staff.HasRoleIn(State.AccountId, Roles.Inspector);
        if (!reads)
        {
            throw RuleViolation.Forbidden("only the citizen and the account's staff read this conversation");
        }
    }
}
