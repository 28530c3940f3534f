namespace Hub.Grains.Conversations;

[GenerateSerializer, Alias("hub.conversation-status")]
public enum ConversationStatus
{
    None,
    Queued,
    Assigned,
    Resolved,
}

public static class ConversationStatusNames
{
    /// <summary>The status as the contract spells it.</summary>
    public static string ToWire(this ConversationStatus status) => status switch
    {
        ConversationStatus.Queued => "queued",
        ConversationStatus.Assigned => "assigned",
        ConversationStatus.Resolved => "resolved",
        _ => "none",
    };
}
