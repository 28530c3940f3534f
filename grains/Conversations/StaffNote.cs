namespace Hub.Grains.Conversations;

/// <summary>A private note on a conversation: staff of its account read it, the citizen never does.</summary>
[GenerateSerializer, Immutable, Alias("hub.staff-note")]
public sealed record StaffNote(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Number,
    [property: Id(2)] string AuthorId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset At);
