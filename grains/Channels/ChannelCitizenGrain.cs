using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Channels;

/// <summary>
/// Takes a channel citizen's messages into their conversation with the same grain calls a
/// citizen on the hub's own page makes, so routing, queues and service levels are the
/// conversation's, never the channel's. A reminder wakes the grain while anything taken is
/// not yet passed on.
/// </summary>
public sealed class ChannelCitizenGrain(
    [PersistentState("channel-citizen", StorageNames.Grains)] IPersistentState<ChannelCitizenState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<ChannelCitizenGrain> logger) : Grain, IChannelCitizenGrain, IRemindable
{
    public const int RememberedMessageIds = 200;
    private const string InboxReminder = "channel-inbox";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timer;

    private ChannelCitizenState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Inbox.Count > 0)
        {
            PassOnSoon();
        }
    }

    async Task<bool> IChannelCitizenGrain.Receive(ChannelCitizen citizen, string messageId, string text)
    {
        if (citizen.UserId != this.GetPrimaryKeyString())
        {
            throw RuleViolation.BadRequest("the citizen does not match this grain");
        }
        text = TextRules.RequireText(text, "text");
        if (State.RecentMessageIds.Contains(messageId))
        {
            return false;
        }
        State.Citizen = citizen;
        State.RecentMessageIds.Add(messageId);
        if (State.RecentMessageIds.Count > RememberedMessageIds)
        {
            State.RecentMessageIds.RemoveRange(0, State.RecentMessageIds.Count - RememberedMessageIds);
        }
        State.Inbox.Add(new InboundMessage(messageId, text, time.GetUtcNow()));
        await state.WriteOrReload(this);
        await this.RegisterOrUpdateReminder(InboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        PassOnSoon();
        return true;
    }

    Task<string?> IChannelCitizenGrain.GetConversationId() => Task.FromResult(State.ConversationId);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Inbox.Count == 0)
        {
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        PassOnSoon();
    }

    private void PassOnSoon()
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(PassOn, new GrainTimerCreationOptions(TimeSpan.Zero, RetryPeriod));
        }
        else
        {
            _timer.Change(TimeSpan.Zero, RetryPeriod);
        }
    }

    private async Task PassOn(CancellationToken cancellation)
    {
        var citizen = State.Citizen!;
        while (State.Inbox.Count > 0)
        {
            var message = State.Inbox[0];
            try
            {
                await Deliver(citizen, message);
            }
            catch (RuleViolation refused) when (refused.Code is HubErrorCode.BadRequest or HubErrorCode.TooLarge
                or HubErrorCode.Unauthorized or HubErrorCode.Forbidden or HubErrorCode.NotFound)
            {
                // The message itself cannot be taken, and asking again would be refused again: it
                // is dropped, and said so. A refusal for now (a full queue, a limit) waits like an outage.
                logger.LogWarning("A {Channel} message for account {AccountId} was refused: {Reason}", citizen.Channel, citizen.AccountId, refused.Message);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "A {Channel} message for account {AccountId} waits to be passed on", citizen.Channel, citizen.AccountId);
                return;
            }
            State.Inbox.RemoveAt(0);
            await state.WriteOrReload(this);
        }
        _timer?.Dispose();
        _timer = null;
    }

    private async Task Deliver(ChannelCitizen citizen, InboundMessage message)
    {
        var caller = new Caller(citizen.UserId, DisplayName(citizen), [Roles.Citizen], []);
        var clientMessageId = $"{citizen.Channel}-{message.MessageId}";
        if (State.ConversationId is { } open)
        {
            try
            {
                await GrainFactory.GetGrain<IConversationGrain>(open).Send(caller, clientMessageId, message.Text);
                await Wrote(citizen, message);
                return;
            }
            catch (RuleViolation refused) when (refused.Code == HubErrorCode.Conflict)
            {
                // Resolved: the citizen's next message opens a new conversation.
            }
        }
        var conversationId = GeneratedId.New();
        var conversation = GrainFactory.GetGrain<IConversationGrain>(conversationId);
        await conversation.Start(caller, citizen.AccountId, "");
        State.ConversationId = conversationId;
        await state.WriteOrReload(this);
        await conversation.Send(caller, clientMessageId, message.Text);
        await Wrote(citizen, message);
    }

    private Task Wrote(ChannelCitizen citizen, InboundMessage message) =>
        GrainFactory.GetGrain<IChannelOutboxGrain>(citizen.UserId).CitizenWrote(citizen, message.ReceivedAt);

    /// <summary>Agents see the channel and a short tail of the hub user id, never the outside id.</summary>
    private static string DisplayName(ChannelCitizen citizen) => $"{citizen.Channel} {citizen.UserId[^4..]}";
}
