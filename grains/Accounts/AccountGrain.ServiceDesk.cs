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
        return Task.FromResult(new ServiceDesk(this.GetPrimaryKeyString(), queue, agents, ServiceLevelsOnDesk()));
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
        var target = RequireAgent(toAgentId);
        if (!State.Staff.TryGetValue(toAgentId, out var member) || !member.Routable || !IsPresent(toAgentId))
        {
            throw RuleViolation.Conflict("that agent cannot take conversations now: disabled, or not connected");
        }
        var holder = State.Agents.FirstOrDefault(a => a.Value.Open.Contains(conversationId)).Key;
        var queued = State.Queue.FindIndex(q => q.ConversationId == conversationId);
        if (holder is null && queued < 0)
        {
            throw RuleViolation.NotFound($"conversation '{conversationId}' is not open in this account");
        }
        if (holder == toAgentId)
        {
            return;
        }

        var conversation = GrainFactory.GetGrain<IConversationGrain>(conversationId);
        if (holder is not null)
        {
            await conversation.HandBack(holder, ConversationGrain.Reassigned, $"reassigned by {supervisor.DisplayName}");
            State.Agents[holder].Open.Remove(conversationId);
        }
        else
        {
            State.Queue.RemoveAt(queued);
        }
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
