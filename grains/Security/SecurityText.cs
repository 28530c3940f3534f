using System.Globalization;
using System.Text;

namespace Hub.Grains.Security;

/// <summary>Makes text fit for one line of the security log.</summary>
public static class SecurityText
{
    public static string Clean(string? text, int maxLength) => CleanOrNull(text, maxLength) ?? "";

    /// <summary>Control and format characters become spaces; beyond the length the text is cut and marked with an ellipsis.</summary>
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
