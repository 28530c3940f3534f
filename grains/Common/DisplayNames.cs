using System.Globalization;
using System.Text;

namespace Hub.Grains.Common;

/// <summary>
/// What a display name may be, for citizens and staff alike: what others see must be what
/// was written (no control, formatting or direction-changing characters, nothing made only
/// of invisible ones), and a citizen may not pass for an official body.
/// </summary>
public static class DisplayNames
{
    public const int MaxLength = 64;

    /// <summary>The name, trimmed; bad_request when it breaks a rule.</summary>
    public static string Require(string? name, bool isCitizen, IReadOnlyList<string> reservedWords)
    {
        name = name?.Trim() ?? "";
        if (name.EnumerateRunes().Any(IsHidden))
        {
            throw RuleViolation.BadRequest("displayName must not contain control, formatting or direction characters");
        }
        if (name.EnumerateRunes().All(IsInvisible))
        {
            throw RuleViolation.BadRequest("displayName must not be empty");
        }
        if (name.EnumerateRunes().Count() > MaxLength)
        {
            throw RuleViolation.BadRequest($"displayName is at most {MaxLength} characters");
        }
        if (isCitizen && ReservedWordIn(name, reservedWords) is { } word)
        {
            throw RuleViolation.BadRequest($"displayName must not contain '{word}', which is kept for official accounts and staff");
        }
        return name;
    }

    /// <summary>
    /// The first reserved word the name holds, compared in compatibility form, whatever the
    /// case and the spaces or signs between letters. A Chinese word counts anywhere in the
    /// name; an English one as a word of its own, so "Admin Li" is refused and "Badminton" is not.
    /// </summary>
    public static string? ReservedWordIn(string name, IEnumerable<string> reservedWords)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var compact = string.Concat(folded.Where(char.IsLetterOrDigit));
        var words = Words(folded);
        return reservedWords.FirstOrDefault(reserved =>
        {
            var word = string.Concat(reserved.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(char.IsLetterOrDigit));
            return word.Length > 0 && (word.All(char.IsAscii) ? words.Contains(word) || compact == word : compact.Contains(word, StringComparison.Ordinal));
        });
    }

    /// <summary>The runs of Latin letters in the name: "管理员admin_2" has the word "admin".</summary>
    private static HashSet<string> Words(string folded)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in folded + " ")
        {
            if (char.IsAsciiLetter(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        return words;
    }

    /// <summary>
    /// Characters that change what is shown without being seen: controls, formats (bidi
    /// overrides, zero widths), line separators, and broken text (a lone surrogate reads as U+FFFD).
    /// </summary>
    private static bool IsHidden(Rune rune) =>
        rune == Rune.ReplacementChar
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned;

    /// <summary>What leaves no mark on its own: spaces, combining marks, and the blank letters some scripts have.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
