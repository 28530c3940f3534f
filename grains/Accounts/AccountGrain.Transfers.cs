using Hub.Grains.Common;
using Hub.Grains.Conversations;

namespace Hub.Grains.Accounts;

/// <summary>An agent hands a conversation to a named colleague of the same account.</summary>
public sealed partial class AccountGrain
{
    Task<IReadOnlyList<Colleague>> IAccountGrain.GetTransferTargets(Caller agent)
    {
        RequireAgentCaller(agent);
        IReadOnlyList<Colleague> colleagues = [.. State.Agents
            .Where(a => a.Key != agent.UserId && CanTakeNow(a.Key))
            .Select(a => new Colleague(a.Key, State.Staff[a.Key].DisplayName, a.Value.Open.Count, a.Value.Capacity ?? Capacity))
            .OrderBy(c => c.DisplayName, StringComparer.Ordinal)];
        return Task.FromResult(colleagues);
    }

    async Task IAccountGrain.TransferToAgent(Caller agent, string conversationId, string toAgentId, string note)
    {
        RequireAgentCaller(agent);
        note = TextRules.OptionalText(note, "note").Trim();
        RequireAgent(toAgentId);
        var holder = HolderOf(conversationId);
        if (holder is null && !State.Queue.Exists(q => q.ConversationId == conversationId))
        {
            throw RuleViolation.NotFound($"conversation '{conversationId}' is not open in this account");
        }
        if (holder != agent.UserId)
        {
            throw RuleViolation.Forbidden("only the assigned agent hands a conversation to a colleague");
        }
        if (toAgentId == agent.UserId)
        {
            throw RuleViolation.BadRequest("the conversation is already yours");
        }
        if (!CanTakeNow(toAgentId))
        {
            throw RuleViolation.Conflict("that colleague cannot take a conversation now: not available, not connected, or at capacity");
        }

        // The note is for the colleague, not the citizen: it travels as a private note, which
        // the citizen never receives, while the hand-over itself names who made it.
        if (note.Length > 0)
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).AddNote(agent, note);
        }
        await MoveToAgent(conversationId, holder, toAgentId, ConversationGrain.TransferredToColleague, $"transferred by {agent.DisplayName}");
    }

    /// <summary>An agent of this account who takes conversations, is connected, and has room for one more.</summary>
    private bool CanTakeNow(string agentId) =>
        State.Staff.TryGetValue(agentId, out var member) && member.Routable
        && State.Agents.TryGetValue(agentId, out var slot) && slot.Available && slot.Open.Count < (slot.Capacity ?? Capacity)
        && IsPresent(agentId);

    private void RequireAgentCaller(Caller caller)
    {
        var id = RequireProfile().Id;
        if (!caller.HasRoleIn(id, Roles.Agent))
        {
            throw RuleViolation.Forbidden($"only agents of '{id}' hand its conversations to each other");
        }
    }
}
