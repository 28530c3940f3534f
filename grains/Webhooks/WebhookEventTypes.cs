using System.Reflection;

namespace Hub.Grains.Webhooks;

/// <summary>
/// The event types an account's webhooks may subscribe to. Each constant is a type; the list
/// of valid types is read from them, so a new type is one line here and a raise where it happens.
/// </summary>
public static class WebhookEventTypes
{
    public const string StatementPublished = "statement.published";
    public const string ClockWarning = "clock.warning";
    public const string ClockBreach = "clock.breach";
    public const string ConversationCreated = "conversation.created";
    public const string ConversationWaiting = "conversation.waiting";
    public const string ConversationResolved = "conversation.resolved";
    public const string QuestionAnswered = "question.answered";
    public const string PostPublished = "post.published";
    public const string InspectionFlagged = "inspection.flagged";

    public static readonly IReadOnlySet<string> All = typeof(WebhookEventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
