using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Accounts;

/// <summary>
/// Presence: agents take new conversations only while a node renews their lease, and an
/// assigned agent gone for longer than the grace period hands their open conversations back
/// to the front of the queue. A timer checks every renewal period; a reminder, kept while any
/// agent holds conversations, wakes the account after a crash, when nobody else would call it.
/// </summary>
public sealed partial class AccountGrain : IRemindable
{
    private const string PresenceReminder = "presence";

    private readonly AgentPresence _presence = new();
    private bool? _watching;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(CheckPresence, new GrainTimerCreationOptions
        {
            DueTime = routing.Value.PresenceRenewal,
            Period = routing.Value.PresenceRenewal,
            Interleave = false,
        });
        return base.OnActivateAsync(cancellationToken);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Watch();

    async Task IAccountGrain.RenewPresence(string nodeId, IReadOnlyList<string> agentIds)
    {
        var until = time.GetUtcNow() + routing.Value.PresenceLease;
        var returned = false;
        foreach (var agentId in agentIds.Where(State.Agents.ContainsKey))
        {
            returned |= !IsPresent(agentId);
            _presence.Renew(agentId, nodeId, until);
        }
        if (returned)
        {
            await Drain();
        }
    }

    Task IAccountGrain.LeavePresence(string nodeId, string agentId)
    {
        _presence.Leave(agentId, nodeId, time.GetUtcNow());
        return Task.CompletedTask;
    }

    private bool IsPresent(string agentId) => _presence.IsPresent(agentId, time.GetUtcNow());

    private async Task CheckPresence(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var gone = State.Agents
            .Where(a => a.Value.Open.Count > 0 && _presence.GoneFor(a.Key, now) >= routing.Value.AgentGracePeriod)
            .Select(a => a.Key)
            .ToList();
        foreach (var agentId in gone)
        {
            await HandBack(agentId);
        }
        await Watch();
    }

    /// <summary>
    /// The agent's open conversations go to the front of the queue, in the order they were
    /// assigned, so their citizens wait the least; each conversation tells its citizen why.
    /// </summary>
    private async Task HandBack(string agentId)
    {
        var slot = State.Agents[agentId];
        var held = slot.Open.ToList();
        slot.Open.Clear();
        var now = time.GetUtcNow();
        State.Queue.InsertRange(0, held.Select(id => new QueuedConversation(id, State.OpenCitizens.GetValueOrDefault(id) ?? "", now)));
        await state.WriteOrReload(this);
        logger.LogInformation("Agent {AgentId} was gone longer than {Grace}: {Count} conversations go back to the queue",
            agentId, routing.Value.AgentGracePeriod, held.Count);

        foreach (var conversationId in held)
        {
            if (!await GrainFactory.GetGrain<IConversationGrain>(conversationId).HandBack(agentId))
            {
                State.Queue.RemoveAll(q => q.ConversationId == conversationId);
            }
        }
        await state.WriteOrReload(this);
        await Drain();
    }

    /// <summary>Keeps the reminder exactly while some agent holds conversations that may need handing back.</summary>
    private async Task Watch()
    {
        var needed = State.Agents.Values.Any(a => a.Open.Count > 0);
        if (_watching == needed)
        {
            return;
        }
        if (needed)
        {
            await this.RegisterOrUpdateReminder(PresenceReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(PresenceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _watching = needed;
    }
}
