using System.Globalization;

namespace Hub.Grains.Common;

/// <summary>
/// A short name staff give to something others pick from a list (a canned response's title,
/// a label): one line, trimmed, nothing invisible, so what is listed is what was written.
/// </summary>
public static class ShortText
{
    public static string Require(string? text, string field, int maxLength)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw RuleViolation.BadRequest($"{field} must not be empty");
        }
        if (text.Length > maxLength)
        {
            throw RuleViolation.BadRequest($"{field} is at most {maxLength} characters");
        }
        if (text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
        {
            throw RuleViolation.BadRequest($"{field} must be one line without control or formatting characters");
        }
        return text;
    }
}
