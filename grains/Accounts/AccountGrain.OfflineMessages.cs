using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>
/// Offline messages (留言): when the account takes no live chats, or nobody is on duty, a
/// citizen's start is a left message. It is routed like any conversation (at once to an agent
/// with room, or through the queue to the first who can take it); what differs is that the
/// citizen is told to expect an answer later and may close the page.
/// </summary>
public sealed partial class AccountGrain
{
    async Task IAccountGrain.SetLeaveMessagesOnly(Caller supervisor, bool leaveMessagesOnly)
    {
        RequireSupervisor(supervisor);
        if (State.LeaveMessagesOnly == leaveMessagesOnly)
        {
            return;
        }
        State.LeaveMessagesOnly = leaveMessagesOnly;
        await state.WriteOrReload(this);
    }

    Task<Intake> IAccountGrain.GetIntake()
    {
        RequireProfile();
        return Task.FromResult(CurrentIntake());
    }

    private Intake CurrentIntake() =>
        new(this.GetPrimaryKeyString(), !TakesMessagesOnly(), State.LeaveMessagesOnly, ServiceLevels.ClosedByHours(time.GetUtcNow()));

    /// <summary>
    /// The one place that decides whether the account is open for live chats at that moment:
    /// closed by the supervisor's switch, or outside its business hours when it chose so.
    /// </summary>
    private bool AcceptsLiveChat(DateTimeOffset now) => !State.LeaveMessagesOnly && !ServiceLevels.ClosedByHours(now);

    /// <summary>A citizen starting now leaves a message: the account is closed, or no agent is both available and connected.</summary>
    private bool TakesMessagesOnly() =>
        !AcceptsLiveChat(time.GetUtcNow()) || !State.Agents.Any(a => a.Value.Available && IsPresent(a.Key));
}
