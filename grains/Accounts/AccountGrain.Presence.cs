using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Telemetry;
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
    private GrainMetrics.QueueGauge? _queueMetric;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _queueMetric = GrainMetrics.TrackQueue(this.GetPrimaryKeyString());
        this.RegisterGrainTimer(CheckPresence, new GrainTimerCreationOptions
        {
            DueTime = routing.Value.PresenceRenewal,
            Period = routing.Value.PresenceRenewal,
            Interleave = false,
        });
        return base.OnActivateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _queueMetric?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
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
        _queueMetric!.Length = State.Queue.Count;
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
    /// assigned, so their citizens wait the least; each conversation tells its citizen why. A
    /// conversation moves only once its grain has agreed: one that cannot be reached now (its
    /// silo died with the agent's node) stays with the agent and is tried again on the next check.
    /// </summary>
    private async Task HandBack(string agentId)
    {
        var slot = State.Agents[agentId];
        var now = time.GetUtcNow();
        var returned = new List<QueuedConversation>();
        foreach (var conversationId in slot.Open.ToList())
        {
            bool held;
            try
            {
                held = await GrainFactory.GetGrain<IConversationGrain>(conversationId).HandBack(agentId, ConversationGrain.HandedBack, ConversationGrain.HandBackNote);
            }
            catch (Exception failure) when (failure is not RuleViolation)
            {
                logger.LogWarning("Conversation {ConversationId} could not be handed back yet: {Reason}", conversationId, failure.GetType().Name);
                continue;
            }
            slot.Open.Remove(conversationId);
            if (held)
            {
                returned.Add(new QueuedConversation(conversationId, State.OpenCitizens.GetValueOrDefault(conversationId) ?? "", now));
            }
            else
            {
                State.OpenCitizens.Remove(conversationId);
            }
        }
        if (returned.Count == 0 && slot.Open.Count > 0)
        {
            return;
        }
        State.Queue.InsertRange(0, returned);
        await state.WriteOrReload(this);
        logger.LogInformation("Agent {AgentId} was gone longer than {Grace}: {Count} conversations went back to the queue",
            agentId, routing.Value.AgentGracePeriod, returned.Count);
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
