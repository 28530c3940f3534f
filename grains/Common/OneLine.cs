using System.Globalization;
using System.Text;

namespace Hub.Grains.Common;

/// <summary>
/// Makes text someone supplied fit for one line of a log: no line breaks, control or format
/// characters (which would let them forge or disguise lines), and no more than a given length.
/// </summary>
public static class OneLine
{
    public static string Clean(string? text, int maxLength) => CleanOrNull(text, maxLength) ?? "";

    /// <summary>Hidden characters become spaces; beyond the length the text is cut and marked with an ellipsis.</summary>
    public static string? CleanOrNull(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }
        var clean = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var c in text)
        {
            if (clean.Length == maxLength)
            {
                clean[^1] = '…';
                break;
            }
            var hidden = char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            clean.Append(hidden ? ' ' : c);
        }
        return clean.ToString();
    }
}
