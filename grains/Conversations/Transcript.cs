using System.Globalization;
using System.Text;
using Hub.Grains.Common;
using Hub.Grains.Conversations.References;

namespace Hub.Grains.Conversations;

/// <summary>
/// A conversation as plain text, for the citizen and the account's staff to keep: the
/// reference, who and when, and every message. Staff's private notes are never part of it.
/// Times are China's (UTC+8), like the reference number's day; headings are in both languages.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.transcript")]
public sealed record Transcript(
    [property: Id(0)] string Reference,
    [property: Id(1)] string Text)
{
    public string FileName => $"{Reference}.txt";

    public static Transcript Write(ConversationState conversation, IReadOnlyList<ChatMessage> messages)
    {
        var text = new StringBuilder();
        Line(text, "编号 Reference", conversation.Reference);
        Line(text, "账号 Account", conversation.AccountName);
        Line(text, "主题 Subject", conversation.Subject);
        Line(text, "市民 Citizen", conversation.CitizenName);
        Line(text, "开始 Started", Time(conversation.CreatedAt));
        Line(text, "状态 Status", conversation.Status.ToWire());
        if (conversation.ResolvedAt is { } resolvedAt)
        {
            Line(text, "结束 Resolved", Time(resolvedAt));
        }
        text.Append('\n');
        foreach (var message in messages)
        {
            text.Append('[').Append(Time(message.SentAt)).Append("] ").Append(SenderOf(conversation, message)).Append(":\n");
            foreach (var line in message.Text.ReplaceLineEndings("\n").Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }
        return new Transcript(conversation.Reference, text.ToString());
    }

    private static void Line(StringBuilder text, string heading, string value) =>
        text.Append(heading).Append(": ").Append(OneLine.Clean(value, TextRules.MaxTextLength)).Append('\n');

    private static string Time(DateTimeOffset at) =>
        at.ToOffset(ReferenceNumber.DayOffset).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string SenderOf(ConversationState conversation, ChatMessage message) =>
        message.SenderRole == Roles.Citizen
            ? $"市民 Citizen {OneLine.Clean(conversation.CitizenName, TextRules.MaxTextLength)}"
            : $"工作人员 Officer {OneLine.Clean(conversation.AgentNames.GetValueOrDefault(message.SenderId), TextRules.MaxTextLength)}".TrimEnd();
}
