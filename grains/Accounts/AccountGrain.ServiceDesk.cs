using Hub.Grains.Common;
using Hub.Grains.Conversations;

namespace Hub.Grains.Accounts;

/// <summary>The supervisors' part: the live desk, each agent's capacity, and moving a conversation to a named agent.</summary>
public sealed partial class AccountGrain
{
    public const int MaxAgentCapacity = 100;

    Task<ServiceDesk> IAccountGrain.GetServiceDesk(Caller supervisor)
    {
        RequireSupervisor(supervisor);
        IReadOnlyList<WaitingConversation> queue = [.. State.Queue.Select((q, i) => new WaitingConversation(q.ConversationId, i + 1, q.EnqueuedAt, q.Subject))];
        IReadOnlyList<AgentLoad> agents = [.. State.Agents
            .Select(a => new AgentLoad(a.Key, State.Staff.GetValueOrDefault(a.Key)?.DisplayName ?? "", a.Value.Available, IsPresent(a.Key),
                a.Value.Capacity ?? Capacity, [.. a.Value.Open]))
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal)];
        var labels = State.OpenLabels.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)[.. l.Value]);
        return Task.FromResult(new ServiceDesk(this.GetPrimaryKeyString(), queue, agents, ServiceLevelsOnDesk(), labels, CurrentIntake()));
    }

    async Task IAccountGrain.SetAgentCapacity(Caller supervisor, string agentId, int capacity)
    {
        RequireSupervisor(supervisor);
        var slot = RequireAgent(agentId);
        if (capacity is < 1 or > MaxAgentCapacity)
        {
            throw RuleViolation.BadRequest($"capacity must be 1 to {MaxAgentCapacity}");
        }
        slot.Capacity = capacity;
        await state.WriteOrReload(this);
        await Drain();
    }

    async Task IAccountGrain.Reassign(Caller supervisor, string conversationId, string toAgentId)
    {
        RequireSupervisor(supervisor);
        RequireAgent(toAgentId);
        if (!State.Staff.TryGetValue(toAgentId, out var member) || !member.Routable || !IsPresent(toAgentId))
        {
            throw RuleViolation.Conflict("that agent cannot take conversations now: disabled, or not connected");
        }
        var holder = HolderOf(conversationId);
        var queued = State.Queue.FindIndex(q => q.ConversationId == conversationId);
        if (holder is null && queued < 0)
        {
            throw RuleViolation.NotFound($"conversation '{conversationId}' is not open in this account");
        }
        if (holder == toAgentId)
        {
            return;
        }
        await MoveToAgent(conversationId, holder, toAgentId, ConversationGrain.Reassigned, $"reassigned by {supervisor.DisplayName}");
    }

    /// <summary>
    /// Moves an open conversation to a named agent: taken back from its holder (the citizen and
    /// the holder are told why), or out of the queue, then given to the new agent, who sees the
    /// history and the note. The one path for a supervisor's reassignment and an agent's transfer.
    /// </summary>
    private async Task MoveToAgent(string conversationId, string? holder, string toAgentId, string reason, string note)
    {
        var conversation = GrainFactory.GetGrain<IConversationGrain>(conversationId);
        if (holder is not null)
        {
            await conversation.HandBack(holder, reason, note);
            State.Agents[holder].Open.Remove(conversationId);
        }
        else
        {
            State.Queue.RemoveAll(q => q.ConversationId == conversationId);
        }
        var target = State.Agents[toAgentId];
        target.Open.Add(conversationId);
        target.LastAssignedAt = time.GetUtcNow();
        await state.WriteOrReload(this);
        if (!await conversation.AssignAgent(AssignmentOf(toAgentId)))
        {
            target.Open.Remove(conversationId);
            await state.WriteOrReload(this);
            throw RuleViolation.Conflict($"conversation '{conversationId}' is no longer waiting for an agent");
        }
        await Drain();
        await AnnounceQueuePositions();
    }

    private string? HolderOf(string conversationId) =>
        State.Agents.FirstOrDefault(a => a.Value.Open.Contains(conversationId)).Key;

    private void RequireSupervisor(Caller caller)
    {
        var id = RequireProfile().Id;
        if (!caller.HasRoleIn(id, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only supervisors of '{id}' run its service desk");
        }
    }

    private AgentSlot RequireAgent(string agentId) =>
        State.Agents.TryGetValue(agentId ?? "", out var slot)
            ? slot
            : throw RuleViolation.NotFound($"'{agentId}' is not an agent of this account");
}
