using System.Text.RegularExpressions;

namespace Hub.Grains.Questions;

/// <summary>
/// Masks personal data in text before any viewer sees it: mainland mobile numbers, 18-digit
/// resident ID numbers and email addresses keep only enough to be recognised by their owner.
/// </summary>
public static partial class PersonalDataMask
{
    public static string Apply(string text)
    {
        text = ResidentId().Replace(text, m => m.Value[..6] + new string('*', 8) + m.Value[14..]);
        text = Mobile().Replace(text, m => m.Value[..3] + "****" + m.Value[7..]);
        return Email().Replace(text, m => m.Groups["first"].Value + "***@" + m.Groups["domain"].Value);
    }

    // Not preceded or followed by another digit, so parts of longer numbers stay as they are.
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    // Bounded by what cannot be part of an address, since Chinese text runs straight into it.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![A-Za-z])")]
    private static partial Regex Email();
}
