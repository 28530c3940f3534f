using Hub.Grains.Accounts;
using Hub.Grains.Common;

namespace Hub.Grains.Conversations;

/// <summary>
/// One conversation between a citizen and an account: it owns the messages, the
/// participants, the status and the assignment, and pushes every change to the participants.
/// </summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>The citizen opens the conversation; it is routed at once or queued.</summary>
    Task<ConversationView> Start(Caller citizen, string accountId, string subject);

    /// <summary>Stores a message and returns its seq; the same client message id returns the same seq.</summary>
    Task<long> Send(Caller sender, string clientMessageId, string text);

    /// <summary>The next <see cref="HistoryPage"/> of messages with seq greater than <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<ChatMessage>> GetHistory(Caller caller, long afterSeq);

    /// <summary>The conversation as the caller sees it; forbidden to anyone who may not read it.</summary>
    Task<ConversationView> Describe(Caller caller);

    /// <summary>The assigned agent hands the conversation to another account.</summary>
    Task Transfer(Caller agent, string toAccountId, string note);

    Task Resolve(Caller agent);

    /// <summary>The citizen rates a resolved conversation, once, 1 to 5.</summary>
    Task Rate(Caller citizen, int score);

    Task SetTyping(Caller caller, bool isTyping);

    Task MarkRead(Caller caller, long seq);

    /// <summary>The account gives a queued conversation to an agent; false when it is no longer waiting there.</summary>
    Task<bool> AssignAgent(AgentAssignment assignment);

    /// <summary>A private note by an agent or supervisor of the account; pushed to the assigned agent, never to the citizen.</summary>
    Task<StaffNote> AddNote(Caller staff, string text);

    /// <summary>The private notes, for the account's agents, supervisors and inspectors.</summary>
    Task<IReadOnlyList<StaffNote>> GetNotes(Caller staff);

    /// <summary>An agent or supervisor of the account puts one of the account's labels on the conversation; answers its labels.</summary>
    Task<IReadOnlyList<string>> AddLabel(Caller staff, string label);

    /// <summary>Takes a label off; not_found when the conversation does not carry it.</summary>
    Task<IReadOnlyList<string>> RemoveLabel(Caller staff, string label);

    /// <summary>The conversation for staff of <paramref name="accountId"/> who found it by its reference number.</summary>
    Task<ConversationView> LookUp(Caller staff, string accountId);

    /// <summary>The messages as plain text, without staff's notes; for the citizen, the account's staff and admins.</summary>
    Task<Transcript> GetTranscript(Caller caller);

    /// <summary>
    /// The account takes the conversation back from an agent who was gone too long: it waits
    /// in the queue again, and its citizen and next agent are told why. False when that agent
    /// no longer holds it.
    /// </summary>
    Task<bool> HandBack(string agentId, string reason, string note);
}
