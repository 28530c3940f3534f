using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>Labels for the kind of demand: the account's supervisors define them, its agents label conversations.</summary>
public sealed partial class LiveHub
{
    public Task<IReadOnlyList<string>> GetLabels(string accountId) =>
        Account(accountId).GetLabels(Caller);

    public async Task SetLabels(string accountId, IReadOnlyList<string>? labels)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        await account.SetLabels(caller, labels ?? []);
    }

    public async Task<IReadOnlyList<string>> AddLabel(string conversationId, string label)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.AddLabel(caller, label);
    }

    public async Task<IReadOnlyList<string>> RemoveLabel(string conversationId, string label)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.RemoveLabel(caller, label);
    }
}
