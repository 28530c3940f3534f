using System.Globalization;

namespace Hub.Grains.ServiceLevels;

/// <summary>
/// One stretch of a working day when the desk is staffed, in minutes after local midnight:
/// 09:00-12:00 is (540, 720). The end may be 24:00, so a desk open round the clock says 00:00-24:00.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.opening-hours")]
public sealed record OpeningHours([property: Id(0)] int From, [property: Id(1)] int To)
{
    public const int MinutesPerDay = 24 * 60;

    public TimeSpan Length => TimeSpan.FromMinutes(To - From);

    public bool Overlaps(OpeningHours other) => From < other.To && other.From < To;

    /// <summary>Reads "09:00-12:00"; null when the text is not two times of day, the first before the second.</summary>
    public static OpeningHours? Parse(string? text)
    {
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || MinuteOfDay(parts[0]) is not { } from || MinuteOfDay(parts[1]) is not { } to || from >= to)
        {
            return null;
        }
        return new OpeningHours(from, to);
    }

    public override string ToString() => $"{Clock(From)}-{Clock(To)}";

    private static int? MinuteOfDay(string text)
    {
        if (text == "24:00")
        {
            return MinutesPerDay;
        }
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : null;
    }

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
