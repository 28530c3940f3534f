namespace Hub.Grains.Limits;

/// <summary>What a user does that is counted against their limits (<see cref="LimitOptions"/>).</summary>
public enum UserAction
{
    Message,
    Typing,
    ConversationStart,
    Question,
    Vote,

    /// <summary>A change staff make to a conversation or the service desk: a note, a capacity, a reassignment.</summary>
    DeskChange,
}
