using System.Globalization;
using System.Text;

namespace Hub.Realtime.Errors;

/// <summary>
/// Makes text a client supplied safe for one log line: no line breaks or other control
/// characters (which would let a client forge log lines) and no more than a short length.
/// </summary>
public static class LogText
{
    public const int DefaultMaxLength = 160;

    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var clean = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var c in text)
        {
            if (clean.Length == maxLength)
            {
                return clean.Append('…').ToString();
            }
            clean.Append(IsBreaking(c) ? ' ' : c);
        }
        return clean.ToString();
    }

    private static bool IsBreaking(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
