using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>
/// Offline messages (留言): when the account takes no live chats, or nobody is on duty, a
/// citizen's start is a left message. It waits in the same queue and goes to the first agent
/// who can take it; only what the citizen is told differs.
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
        return Task.FromResult(new Intake(this.GetPrimaryKeyString(), !TakesMessagesOnly(), State.LeaveMessagesOnly));
    }

    /// <summary>
    /// The one place that decides whether the account is open for live chats at that moment:
    /// business hours and holidays belong here too.
    /// </summary>
    private bool AcceptsLiveChat(DateTimeOffset now) => !State.LeaveMessagesOnly;

    /// <summary>A citizen starting now leaves a message: the account is closed, or no agent is both available and connected.</summary>
    private bool TakesMessagesOnly() =>
        !AcceptsLiveChat(time.GetUtcNow()) || !State.Agents.Any(a => a.Value.Available && IsPresent(a.Key));
}
