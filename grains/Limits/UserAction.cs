namespace Hub.Grains.Limits;

/// <summary>What a user does that is counted against their limits (<see cref="LimitOptions"/>).</summary>
public enum UserAction
{
    Message,
    Typing,
    ConversationStart,
    Question,
    Vote,

    /// <summary>A change staff make to a conversation or the service desk: a note, a label, a transfer to a colleague, a capacity, a reassignment, a canned response.</summary>
    DeskChange,
}
