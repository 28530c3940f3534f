using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Channels;

/// <summary>
/// Sends agents' replies to a channel citizen from grain state, outside the conversation's
/// turn: the conversation only stores the reply here. A timer sends what is due and a
/// reminder wakes the grain after a restart while anything is pending. A reply the channel's
/// window no longer allows is held, and its agent is told at once.
/// </summary>
public sealed class ChannelOutboxGrain(
    [PersistentState("channel-outbox", StorageNames.Grains)] IPersistentState<ChannelOutboxState> state,
    IEnumerable<IChannelAdapter> adapters,
    IClientPush push,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IChannelOutboxGrain, IRemindable
{
    public const int MaxAttempts = 8;
    public const int KeptReplies = 100;
    private const string OutboxReminder = "channel-outbox";
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(2);

    private OutboxPump? _pump;

    private ChannelOutboxState State => state.State;

    private OutboxPump Pump => _pump ??= new OutboxPump(this, OutboxReminder, PollPeriod, SendDue);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (HasPending)
        {
            await Pump.Run(true);
        }
    }

    async Task IChannelOutboxGrain.Enqueue(ChannelReply reply)
    {
        if (State.Replies.Any(r => r.ConversationId == reply.ConversationId && r.Seq == reply.Seq))
        {
            return;
        }
        State.Replies.Add(reply with { Status = ChannelReply.Pending, NextAttemptAt = time.GetUtcNow() });
        await state.WriteOrReload(this);
        await SendSoon();
    }

    async Task IChannelOutboxGrain.CitizenWrote(ChannelCitizen citizen, DateTimeOffset at)
    {
        State.Citizen = citizen;
        if (State.LastCitizenMessageAt is null || at > State.LastCitizenMessageAt)
        {
            State.LastCitizenMessageAt = at;
        }
        for (var i = 0; i < State.Replies.Count; i++)
        {
            if (State.Replies[i].Status == ChannelReply.Held)
            {
                State.Replies[i] = State.Replies[i] with { Status = ChannelReply.Pending, NextAttemptAt = at, LastError = null };
            }
        }
        await state.WriteOrReload(this);
        await SendSoon();
    }

    Task<IReadOnlyList<ChannelReply>> IChannelOutboxGrain.GetReplies() => Task.FromResult<IReadOnlyList<ChannelReply>>([.. State.Replies]);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => await SendSoon();

    private bool HasPending => State.Replies.Any(r => r.Status == ChannelReply.Pending);

    private Task SendSoon() => Pump.Run(HasPending);

    private async Task SendDue(CancellationToken cancellation)
    {
        if (State.Citizen is not { } citizen)
        {
            return;
        }
        var adapter = adapters.Single(a => a.Channel == citizen.Channel);
        for (var i = 0; i < State.Replies.Count; i++)
        {
            var reply = State.Replies[i];
            var now = time.GetUtcNow();
            if (reply.Status != ChannelReply.Pending || reply.NextAttemptAt > now)
            {
                continue;
            }
            if (adapter.ReplyWindow is { } window && (State.LastCitizenMessageAt is not { } last || now - last > window))
            {
                State.Replies[i] = reply with { Status = ChannelReply.Held, NextAttemptAt = null, LastError = "the reply window has shut" };
                await state.WriteOrReload(this);
                await push.ToUsers([reply.AgentId], ClientEvents.ChannelReplyHeld,
                    new ChannelReplyHeld(reply.ConversationId, reply.Seq, citizen.Channel, State.LastCitizenMessageAt, window));
                continue;
            }
            State.Replies[i] = Outcome(reply, await adapter.Deliver(citizen, reply.Text, cancellation), now);
            GrainMetrics.DeliveryAttempted(citizen.Channel, State.Replies[i].Status switch
            {
                ChannelReply.Sent => GrainMetrics.Delivered,
                ChannelReply.Failed => GrainMetrics.Dead,
                _ => GrainMetrics.Retry,
            }, now - (reply.WrittenAt ?? now));
            TrimLog();
            await state.WriteOrReload(this);
        }
        if (!HasPending)
        {
            await Pump.Stop();
        }
    }

    private static ChannelReply Outcome(ChannelReply reply, ChannelDeliveryResult result, DateTimeOffset now)
    {
        var attempts = reply.Attempts + 1;
        if (result.Delivered)
        {
            return reply with { Status = ChannelReply.Sent, Attempts = attempts, NextAttemptAt = null, LastError = null };
        }
        if (!result.Retry || attempts >= MaxAttempts)
        {
            return reply with { Status = ChannelReply.Failed, Attempts = attempts, NextAttemptAt = null, LastError = result.Error };
        }
        return reply with { Attempts = attempts, NextAttemptAt = now + OutboxPump.Backoff(RetryBase, attempts), LastError = result.Error };
    }

    /// <summary>Finished replies are kept only as a short log.</summary>
    private void TrimLog()
    {
        var finished = State.Replies.Where(r => r.Status is ChannelReply.Sent or ChannelReply.Failed).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - KeptReplies)))
        {
            State.Replies.Remove(old);
        }
    }
}
