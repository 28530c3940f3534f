namespace Hub.Grains.Limits;

/// <summary>What a user does that is counted against their limits (<see cref="LimitOptions"/>).</summary>
public enum UserAction
{
    Message,
    Typing,
    ConversationStart,
    Question,
    Vote,
}
