using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Grains.Common;

namespace Hub.Grains.Conversations.References;

/// <summary>
/// The number a citizen quotes on the phone: <c>HB-20261130-0042</c>, the day the conversation
/// started and its place among that day's conversations in the whole hub. The day is China's
/// (UTC+8, no daylight saving), the calendar the hotline and its citizens live by, so every
/// node agrees on it whatever its own time zone. Numbers are unique, not gapless: a start that
/// is refused after it drew its number leaves that number unused.
/// </summary>
public static partial class ReferenceNumber
{
    public const string Prefix = "HB";

    public static readonly TimeSpan DayOffset = TimeSpan.FromHours(8);

    /// <summary>The key of the day's sequence: <c>20261130</c>.</summary>
    public static string DayOf(DateTimeOffset at) =>
        at.ToOffset(DayOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(string day, long number) =>
        $"{Prefix}-{day}-{number.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The reference in its one spelling (upper case, no spaces), or not_found for anything that cannot be one.</summary>
    public static string Require(string? reference)
    {
        var cleaned = (reference ?? "").Trim().ToUpperInvariant();
        return Pattern().IsMatch(cleaned) ? cleaned : throw RuleViolation.NotFound("no conversation has this reference number");
    }

    [GeneratedRegex(@"^HB-\d{8}-\d{4,9}$")]
    private static partial Regex Pattern();
}
