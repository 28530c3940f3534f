using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Limits;
using Hub.Realtime.Errors;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record SendResult(long Seq);

    public async Task<ConversationView> StartConversation(string accountId, string? subject)
    {
        var caller = Caller;
        AccountId.Require(accountId);
        await Take(caller, UserAction.ConversationStart);
        return await grains.GetGrain<IConversationGrain>(GeneratedId.New()).Start(caller, accountId, subject ?? "");
    }

    public async Task<SendResult> SendMessage(string conversationId, string clientMessageId, string text)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.Message);
        try
        {
            return new(await conversation.Send(caller, clientMessageId, text));
        }
        catch (Exception failure) when (CallFailure.IsLostSilo(failure))
        {
            // The conversation's silo went away mid-call: the grain comes back on a survivor, and
            // the client message id makes asking again safe (a stored message answers its seq).
            return new(await conversation.Send(caller, clientMessageId, text));
        }
    }

    public Task<IReadOnlyList<ChatMessage>> GetHistory(string conversationId, long afterSeq) =>
        Conversation(conversationId).GetHistory(Caller, afterSeq);

    /// <summary>
    /// Pushes go to every connection of a participant's user, so a reconnected connection is
    /// subscribed already; joining checks access and returns where the conversation stands.
    /// </summary>
    public Task<ConversationView> JoinConversation(string conversationId) =>
        Conversation(conversationId).Describe(Caller);

    public Task<ConversationView> GetConversation(string conversationId) =>
        Conversation(conversationId).Describe(Caller);

    public async Task<IReadOnlyList<ConversationView>> GetMyConversations(string accountId)
    {
        var caller = Caller;
        if (!caller.HasRoleIn(AccountId.Require(accountId), Roles.Agent))
        {
            throw RuleViolation.Forbidden($"only agents of '{accountId}' have conversations there");
        }
        var open = await grains.GetGrain<IAccountGrain>(accountId).GetOpenConversations(caller.UserId);
        return await Task.WhenAll(open.Select(id => Conversation(id).Describe(caller)));
    }

    public Task SetAvailability(string accountId, bool available) =>
        Account(accountId).SetAvailability(Caller.UserId, available);

    public Task TransferConversation(string conversationId, string toAccountId, string? note) =>
        Conversation(conversationId).Transfer(Caller, toAccountId, note ?? "");

    public Task ResolveConversation(string conversationId) =>
        Conversation(conversationId).Resolve(Caller);

    public Task RateConversation(string conversationId, int score) =>
        Conversation(conversationId).Rate(Caller, score);

    public async Task SetTyping(string conversationId, bool isTyping)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.Typing);
        await conversation.SetTyping(caller, isTyping);
    }

    public async Task<StaffNote> AddNote(string conversationId, string text)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.AddNote(caller, text);
    }

    public Task<IReadOnlyList<StaffNote>> GetNotes(string conversationId) =>
        Conversation(conversationId).GetNotes(Caller);

    public Task MarkRead(string conversationId, long seq) =>
        Conversation(conversationId).MarkRead(Caller, seq);

    private IConversationGrain Conversation(string? conversationId) =>
        grains.GetGrain<IConversationGrain>(GeneratedId.Require(conversationId, "conversation"));
}
