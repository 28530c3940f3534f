namespace Hub.Grains.Conversations;

/// <summary>Reads of a whole conversation, page by page, for the few that need all of it (the transcript).</summary>
public static class MessageLogPages
{
    public static async Task<IReadOnlyList<ChatMessage>> ReadAll(this IMessageLog log, string conversationId)
    {
        var all = new List<ChatMessage>();
        while (true)
        {
            var page = await log.Read(conversationId, all.Count == 0 ? 0 : all[^1].Seq, HistoryPage.MaxMessages);
            all.AddRange(page);
            if (page.Count < HistoryPage.MaxMessages)
            {
                return all;
            }
        }
    }
}
