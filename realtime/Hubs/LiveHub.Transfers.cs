using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>An agent hands a conversation to a named colleague of the same account.</summary>
public sealed partial class LiveHub
{
    /// <summary>The colleagues the caller may hand a conversation to.</summary>
    /// <roles>agent</roles>
    public Task<IReadOnlyList<Colleague>> GetTransferTargets(string accountId) =>
        Account(accountId).GetTransferTargets(Caller);

    /// <summary>Hands a conversation to a named colleague of the same account.</summary>
    /// <roles>assigned agent</roles>
    public async Task TransferToAgent(string accountId, string conversationId, string toAgentId, string? note)
    {
        var (caller, account) = (Caller, Account(accountId));
        conversationId = GeneratedId.Require(conversationId, "conversation");
        await Take(caller, UserAction.DeskChange);
        await account.TransferToAgent(caller, conversationId, toAgentId, note ?? "");
    }
}
