using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>Labels for the kind of demand: the account's supervisors define them, its agents label conversations.</summary>
public sealed partial class LiveHub
{
    /// <summary>The account's labels for the kind of demand.</summary>
    /// <roles>agent, supervisor, admin</roles>
    public Task<IReadOnlyList<string>> GetLabels(string accountId) =>
        Account(accountId).GetLabels(Caller);

    /// <summary>Replaces the account's labels.</summary>
    /// <roles>supervisor, admin</roles>
    public async Task SetLabels(string accountId, IReadOnlyList<string>? labels)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        await account.SetLabels(caller, labels ?? []);
    }

    /// <summary>Labels the conversation; answers its labels.</summary>
    /// <roles>agent, supervisor</roles>
    public async Task<IReadOnlyList<string>> AddLabel(string conversationId, string label)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.AddLabel(caller, label);
    }

    /// <summary>Removes a label from the conversation; answers its labels.</summary>
    /// <roles>agent, supervisor</roles>
    public async Task<IReadOnlyList<string>> RemoveLabel(string conversationId, string label)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.RemoveLabel(caller, label);
    }
}
