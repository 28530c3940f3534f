using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Grains.Questions;

/// <summary>
/// Masks personal data in text before any viewer sees it: mainland mobile numbers, 18-digit
/// resident ID numbers and email addresses keep only enough to be recognised by their owner.
/// People write them in many ways (full-width digits from a Chinese keyboard, a full-width ＠,
/// +86 in front, spaces or hyphens between the groups), so matching reads a folded copy of
/// the text; only the matches are replaced, and the rest keeps its own punctuation.
/// </summary>
public static partial class PersonalDataMask
{
    public static string Apply(string text)
    {
        var folded = Fold(text);
        (text, folded) = Replace(text, folded, ResidentId(), MaskResidentId);
        (text, folded) = Replace(text, folded, Mobile(), m => m.Groups["prefix"].Value + m.Groups["head"].Value + "****" + m.Groups["tail"].Value);
        (text, _) = Replace(text, folded, Email(), m => m.Groups["first"].Value + "***@" + m.Groups["domain"].Value);
        return text;
    }

    /// <summary>
    /// The text with every character whose compatibility form (NFKC) is one ASCII character
    /// replaced by it: full-width digits, letters and signs, the ideographic space. One
    /// character for one, so a match in the folded copy has the same position in the text.
    /// </summary>
    private static string Fold(string text)
    {
        StringBuilder? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // ASCII stays, and the CJK blocks (U+3001 to U+FDFF) are passed over for speed: digits,
            // signs and letters people type there fold from none of them.
            if (c is < '\u0080' or (>= '\u3001' and <= '\ufdff') || char.IsSurrogate(c)
                || c.ToString().Normalize(NormalizationForm.FormKC) is not [< '\u0080' and var ascii])
            {
                continue;
            }
            folded ??= new StringBuilder(text);
            folded[i] = ascii;
        }
        return folded?.ToString() ?? text;
    }

    /// <summary>Replaces every match found in the folded copy, in both strings, so they stay aligned for the next pattern.</summary>
    private static (string Text, string Folded) Replace(string text, string folded, Regex pattern, Func<Match, string?> mask)
    {
        var matches = pattern.Matches(folded);
        if (matches.Count == 0)
        {
            return (text, folded);
        }
        var newText = new StringBuilder();
        var newFolded = new StringBuilder();
        var copied = 0;
        foreach (Match match in matches)
        {
            if (mask(match) is not { } masked)
            {
                continue;
            }
            newText.Append(text, copied, match.Index - copied).Append(masked);
            newFolded.Append(folded, copied, match.Index - copied).Append(masked);
            copied = match.Index + match.Length;
        }
        newText.Append(text, copied, text.Length - copied);
        newFolded.Append(folded, copied, folded.Length - copied);
        return (newText.ToString(), newFolded.ToString());
    }

    /// <summary>Keeps the region and the last four; a number whose birth date cannot be one (an order number) stays as it is.</summary>
    private static string? MaskResidentId(Match match)
    {
        var digits = match.Value.Replace(" ", "").Replace("-", "");
        return IsBirthDate(digits.AsSpan(6, 8)) ? digits[..6] + new string('*', 8) + digits[14..] : null;
    }

    private static bool IsBirthDate(ReadOnlySpan<char> yyyymmdd)
    {
        var year = int.Parse(yyyymmdd[..4]);
        var month = int.Parse(yyyymmdd[4..6]);
        var day = int.Parse(yyyymmdd[6..]);
        return year is >= 1850 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    // Digits are [0-9], not \d, which would take every script's digits. Neither pattern starts
    // or ends next to another digit, so parts of longer numbers stay as they are.

    // Eighteen characters, the last may be X, with at most one space or hyphen between any two.
    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9Xx])")]
    private static partial Regex ResidentId();

    // 1[3-9]x xxxx xxxx, the groups optionally apart by one space, hyphen or dot, after an
    // optional country code (+86, 0086 or 86).
    [GeneratedRegex(@"(?<![0-9+])(?<prefix>(?:\+|00)?86[ -]?)?(?<head>1[3-9][0-9])[ .-]?(?<hidden>[0-9]{4})[ .-]?(?<tail>[0-9]{4})(?![0-9])")]
    private static partial Regex Mobile();

    // Bounded by what cannot be part of an address, since Chinese text runs straight into it.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![A-Za-z])")]
    private static partial Regex Email();
}
