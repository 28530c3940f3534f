namespace Hub.Grains.Push;

/// <summary>Names of the events the hub sends to clients.</summary>
public static class ClientEvents
{
    public const string Message = "message";
    public const string ConversationAssigned = "conversationAssigned";
    public const string ConversationStatus = "conversationStatus";
    public const string ConversationTransferred = "conversationTransferred";
    public const string Typing = "typing";
    public const string ReadReceipt = "readReceipt";
    public const string NoteAdded = "noteAdded";
    public const string ConversationRated = "conversationRated";
    public const string ServiceLevelWarning = "serviceLevelWarning";
    public const string ServiceLevelBreached = "serviceLevelBreached";
    public const string ConversationLabels = "conversationLabels";
    public const string EventUpdate = "eventUpdate";
    public const string EventStatus = "eventStatus";
    public const string ClockChanged = "clockChanged";
    public const string ClockAlert = "clockAlert";
    public const string StatementChanged = "statementChanged";
    public const string QuestionUpdated = "questionUpdated";
    public const string QuestionPinned = "questionPinned";
    public const string PostPublished = "postPublished";
    public const string PostWithdrawn = "postWithdrawn";
    public const string AccountClosed = "accountClosed";
    public const string ChannelReplyHeld = "channelReplyHeld";
}
