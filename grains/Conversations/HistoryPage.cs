namespace Hub.Grains.Conversations;

/// <summary>
/// How much of a conversation's history one answer holds. A long conversation comes in pages,
/// so an answer never fills a connection's outgoing buffer (the node closes a client whose buffer
/// is full) and a grain never loads a whole log at once: the client asks again after the last
/// seq it got until an answer is empty.
/// </summary>
public static class HistoryPage
{
    /// <summary>The most messages one page reads from the log.</summary>
    public const int MaxMessages = 500;

    /// <summary>A page's size on the wire, at most; the first message always fits.</summary>
    public const int MaxBytes = 256 * 1024;

    // JSON escapes each non-ASCII character as \uXXXX, so Chinese text costs 6 bytes a character at worst.
    private const int BytesPerCharacter = 6;
    private const int BytesOfOtherFields = 256;

    public static IReadOnlyList<ChatMessage> Fit(IReadOnlyList<ChatMessage> messages)
    {
        var bytes = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            bytes += BytesOfOtherFields + messages[i].Text.Length * BytesPerCharacter;
            if (bytes > MaxBytes && i > 0)
            {
                return [.. messages.Take(i)];
            }
        }
        return messages;
    }
}
