namespace Hub.Grains.Common;

/// <summary>Length and presence rules for the text fields of the contract.</summary>
public static class TextRules
{
    public const int MaxTextLength = 4000;
    public const int MaxClientIdLength = 128;

    public static string RequireText(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.BadRequest($"{field} must not be empty");
        }
        return OptionalText(text, field);
    }

    public static string OptionalText(string? text, string field)
    {
        text ??= "";
        if (text.Length > MaxTextLength)
        {
            throw RuleViolation.TooLarge($"{field} is longer than {MaxTextLength} characters");
        }
        return text;
    }

    public static string RequireClientId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxClientIdLength)
        {
            throw RuleViolation.BadRequest($"{field} must be 1 to {MaxClientIdLength} characters");
        }
        return id;
    }
}
