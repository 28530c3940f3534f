using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Limits;
using Hub.Realtime.Errors;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record SendResult(long Seq);

    /// <summary>Opens a conversation with an account; it is routed to an available agent or queued.</summary>
    /// <roles>citizen</roles>
    public async Task<ConversationView> StartConversation(string accountId, string? subject)
    {
        var caller = Caller;
        AccountId.Require(accountId);
        await Take(caller, UserAction.ConversationStart);
        return await grains.GetGrain<IConversationGrain>(GeneratedId.New()).Start(caller, accountId, subject ?? "");
    }

    /// <summary>Stores a message in the conversation; the same client message id again answers the stored seq and stores nothing new.</summary>
    /// <roles>participant</roles>
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

    /// <summary>
    /// The conversation's messages with a seq above afterSeq, in order. A long conversation comes
    /// in pages of at most 500 messages or about 256 KB: ask again after the last seq until an
    /// answer is empty.
    /// </summary>
    /// <roles>participant, inspector</roles>
    public Task<IReadOnlyList<ChatMessage>> GetHistory(string conversationId, long afterSeq) =>
        Conversation(conversationId).GetHistory(Caller, afterSeq);

    /// <summary>
    /// Pushes go to every connection of a participant's user, so a reconnected connection is
    /// subscribed already; joining checks access and returns where the conversation stands.
    /// </summary>
    /// <roles>participant</roles>
    public Task<ConversationView> JoinConversation(string conversationId) =>
        Conversation(conversationId).Describe(Caller);

    /// <summary>Where the conversation stands: status, account, agent, subject.</summary>
    /// <roles>participant, inspector</roles>
    public Task<ConversationView> GetConversation(string conversationId) =>
        Conversation(conversationId).Describe(Caller);

    /// <summary>The caller's open conversations in the account.</summary>
    /// <roles>agent</roles>
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

    /// <summary>Says whether routing may assign new conversations of the account to the caller.</summary>
    /// <roles>agent</roles>
    public Task SetAvailability(string accountId, bool available) =>
        Account(accountId).SetAvailability(Caller.UserId, available);

    /// <summary>Routes the conversation again inside another account, with a note for the next agent.</summary>
    /// <roles>assigned agent</roles>
    public Task TransferConversation(string conversationId, string toAccountId, string? note) =>
        Conversation(conversationId).Transfer(Caller, toAccountId, note ?? "");

    /// <summary>Closes the conversation; the citizen may then rate it.</summary>
    /// <roles>assigned agent</roles>
    public Task ResolveConversation(string conversationId) =>
        Conversation(conversationId).Resolve(Caller);

    /// <summary>The citizen's score from 1 to 5 for a resolved conversation.</summary>
    /// <roles>citizen</roles>
    public Task RateConversation(string conversationId, int score) =>
        Conversation(conversationId).Rate(Caller, score);

    /// <summary>Tells the other participants that the caller is typing, or has stopped.</summary>
    /// <roles>participant</roles>
    public async Task SetTyping(string conversationId, bool isTyping)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.Typing);
        await conversation.SetTyping(caller, isTyping);
    }

    /// <summary>A note on the conversation that only its staff see.</summary>
    /// <roles>agent, supervisor</roles>
    public async Task<StaffNote> AddNote(string conversationId, string text)
    {
        var (caller, conversation) = (Caller, Conversation(conversationId));
        await Take(caller, UserAction.DeskChange);
        return await conversation.AddNote(caller, text);
    }

    /// <summary>The staff notes on the conversation.</summary>
    /// <roles>agent, supervisor, inspector</roles>
    public Task<IReadOnlyList<StaffNote>> GetNotes(string conversationId) =>
        Conversation(conversationId).GetNotes(Caller);

    /// <summary>Tells the other participants the caller has read up to seq.</summary>
    /// <roles>participant</roles>
    public Task MarkRead(string conversationId, long seq) =>
        Conversation(conversationId).MarkRead(Caller, seq);

    private IConversationGrain Conversation(string? conversationId) =>
        grains.GetGrain<IConversationGrain>(GeneratedId.Require(conversationId, "conversation"));
}
