using Hub.Grains.Conversations;
using Hub.Grains.PublicEvents;
using Hub.Grains.Questions;
using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Push;

/// <summary>Names of the events the hub sends to clients, with what each carries and to whom.</summary>
public static class ClientEvents
{
    [ClientEvent(typeof(ChatMessage), "A stored message, to every participant's connections, the sender's other connections included.")]
    public const string Message = "message";

    [ClientEvent(typeof(Conversations.ConversationAssigned), "A conversation was assigned, to the agent and the citizen.")]
    public const string ConversationAssigned = "conversationAssigned";

    [ClientEvent(typeof(ConversationStatusChanged), "The conversation is queued (with its place), assigned or resolved, to its participants.")]
    public const string ConversationStatus = "conversationStatus";

    [ClientEvent(typeof(ConversationTransferred), "The conversation went to another account or agent, to the citizen and the agent who handed it on.")]
    public const string ConversationTransferred = "conversationTransferred";

    [ClientEvent(typeof(TypingChanged), "Another participant started or stopped typing.")]
    public const string Typing = "typing";

    [ClientEvent(typeof(Conversations.ReadReceipt), "Another participant has read up to a seq.")]
    public const string ReadReceipt = "readReceipt";

    [ClientEvent(typeof(StaffNote), "A staff note on a conversation, to the staff on it.")]
    public const string NoteAdded = "noteAdded";

    [ClientEvent(typeof(Conversations.ConversationRated), "The citizen rated a resolved conversation, to the agent who served them.")]
    public const string ConversationRated = "conversationRated";

    [ClientEvent(typeof(ServiceLevelAlert), "A conversation nears its service-level target, to its agent (or the supervisors while it waits).")]
    public const string ServiceLevelWarning = "serviceLevelWarning";

    [ClientEvent(typeof(ServiceLevelAlert), "A conversation missed its service-level target, to the account's supervisors and its agent.")]
    public const string ServiceLevelBreached = "serviceLevelBreached";

    [ClientEvent(typeof(ConversationLabelsChanged), "A conversation's labels changed, to its agent.")]
    public const string ConversationLabels = "conversationLabels";

    [ClientEvent(typeof(PublicEvents.EventUpdate), "A published statement, to every follower of the event, once per statement.")]
    public const string EventUpdate = "eventUpdate";

    [ClientEvent(typeof(EventStatusChanged), "The event's status changed, to its followers.")]
    public const string EventStatus = "eventStatus";

    [ClientEvent(typeof(PublicEvents.ClockChanged), "A legal clock of the event started, was met or changed, to its followers and press officers.")]
    public const string ClockChanged = "clockChanged";

    [ClientEvent(typeof(PublicEvents.ClockAlert), "A legal clock's warning or breach, to the lead account's press officers.")]
    public const string ClockAlert = "clockAlert";

    [ClientEvent(typeof(Statement), "A statement was drafted, edited, approved or published, to the event's press officers.")]
    public const string StatementChanged = "statementChanged";

    [ClientEvent(typeof(Question), "A question changed: approved and answered ones to every follower, pending ones to moderators and press officers.")]
    public const string QuestionUpdated = "questionUpdated";

    [ClientEvent(typeof(Questions.VotesChanged), "Every vote count of the event's board that changed in the last period, in one frame, to the followers who called FollowEventBoard (they get no questionUpdated for a vote alone).")]
    public const string VotesChanged = "votesChanged";

    [ClientEvent(typeof(Questions.QuestionPinned), "A question was pinned on the board or unpinned, to followers and the event's staff.")]
    public const string QuestionPinned = "questionPinned";

    [ClientEvent(typeof(Governance.Posts.PublicPost), "An account published a post, to the account's followers.")]
    public const string PostPublished = "postPublished";

    [ClientEvent(typeof(Governance.Posts.PublicPost), "An account withdrew a post, with its public reason, to the account's followers.")]
    public const string PostWithdrawn = "postWithdrawn";

    [ClientEvent(typeof(Governance.Posts.AccountClosure), "A body admin closed the account, with a notice for the public, to the account's followers.")]
    public const string AccountClosed = "accountClosed";

    [ClientEvent(typeof(Governance.Inspection.InspectionCompleted), "A body's inspection run was taken, by hand or on schedule, to the readers following its inspections.")]
    public const string InspectionCompleted = "inspectionCompleted";

    [ClientEvent(typeof(Governance.Inspection.AccountIndicatorsChanged), "An account's flags, unanswered messages or days since its last update changed between runs, judged by each inspecting body's rules, to the readers following the bodies above it; at most once per account every two seconds.")]
    public const string AccountIndicatorsChanged = "accountIndicatorsChanged";

    [ClientEvent(typeof(Channels.ChannelReplyHeld), "A reply to a citizen on an outside channel waits because the channel's reply window has shut, to the agent who wrote it.")]
    public const string ChannelReplyHeld = "channelReplyHeld";

    [ClientEvent(typeof(Webhooks.WebhookDelivery), "A webhook delivery was tried, delivered, dead-lettered or replayed, to the connections watching the account's webhooks.")]
    public const string WebhookDelivery = "webhookDelivery";
}
