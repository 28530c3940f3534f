using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>A supervisor closes the account to live chats: citizens who start then leave a message.</summary>
public sealed partial class LiveHub
{
    /// <summary>Closes the account to live chats (citizens leave a message) or opens it again.</summary>
    /// <roles>supervisor</roles>
    public async Task SetLeaveMessagesOnly(string accountId, bool leaveMessagesOnly)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        await account.SetLeaveMessagesOnly(caller, leaveMessagesOnly);
    }
}
