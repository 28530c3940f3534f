namespace Hub.Grains.Conversations.References;

/// <summary>
/// One reference number (keyed by it): which conversation it names, and the hash of the
/// citizen's return code, so a citizen or an officer can find the conversation from the number alone.
/// </summary>
public interface IConversationReferenceGrain : IGrainWithStringKey
{
    /// <summary>Binds the number to a starting conversation; only once.</summary>
    Task Register(ReferenceEntry entry);

    /// <summary>The conversation was refused after it drew its number: the number names nothing.</summary>
    Task Forget(string conversationId);

    /// <summary>The conversation the number names; not_found when none.</summary>
    Task<string> ConversationId();

    /// <summary>
    /// The citizen comes back with the return code: answers who they are in that conversation.
    /// A wrong code answers unauthorized; after a few, the number waits before it takes another try.
    /// </summary>
    Task<ReturnTicket> Redeem(string code);
}

[GenerateSerializer, Immutable, Alias("hub.reference-entry")]
public sealed record ReferenceEntry(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string CitizenId,
    [property: Id(2)] string CitizenName,
    [property: Id(3)] byte[] ReturnCodeHash);

/// <summary>Who may take the conversation up again: the citizen it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("hub.return-ticket")]
public sealed record ReturnTicket(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string Reference,
    [property: Id(2)] string CitizenId,
    [property: Id(3)] string CitizenName);
