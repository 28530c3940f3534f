namespace Hub.Grains.ServiceLevels;

/// <summary>
/// When an account's desk is open: its time zone (an IANA id), the opening hours of a working
/// day, its working weekdays, the holidays it is closed on, and the swapped working days (调休)
/// that fall on a weekend but are worked. Service levels count only the time it is open.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.business-calendar")]
public sealed record BusinessCalendar(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyList<OpeningHours> Hours,
    [property: Id(2)] IReadOnlyList<DayOfWeek> WorkingDays,
    [property: Id(3)] IReadOnlyList<DateOnly> Holidays,
    [property: Id(4)] IReadOnlyList<DateOnly> SwappedWorkdays)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    // A calendar may close for a long while (holidays are listed by date), but one that has not
    // opened within three years never will: its working days are all holidays.
    private const int ClosedDaysBeforeGivingUp = 3 * 366;

    /// <summary>A government office's day in China: 09:00-12:00 and 13:30-17:30, Monday to Friday.</summary>
    public static BusinessCalendar Default { get; } = new(DefaultTimeZone,
        [new OpeningHours(9 * 60, 12 * 60), new OpeningHours(13 * 60 + 30, 17 * 60 + 30)],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [], []);

    public bool IsWorkingDay(DateOnly date) =>
        !Holidays.Contains(date) && (SwappedWorkdays.Contains(date) || WorkingDays.Contains(date.DayOfWeek));

    public bool IsOpen(DateTimeOffset at) => OpenStretches(at).Select(s => s.Start).FirstOrDefault() == at;

    /// <summary><paramref name="at"/> itself when open then, else the next time the desk opens.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at) =>
        OpenStretches(at).Select(s => (DateTimeOffset?)s.Start).FirstOrDefault()
            ?? throw new InvalidOperationException("the calendar never opens");

    /// <summary>The moment when <paramref name="span"/> of open time has passed after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan span)
    {
        var left = span;
        foreach (var (start, end) in OpenStretches(from))
        {
            if (end - start >= left)
            {
                return start + left;
            }
            left -= end - start;
        }
        throw new InvalidOperationException("the calendar never opens");
    }

    /// <summary>The open time between two moments; none when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        var open = TimeSpan.Zero;
        foreach (var (start, end) in OpenStretches(from).TakeWhile(s => s.Start < to))
        {
            open += (end < to ? end : to) - start;
        }
        return open;
    }

    public static TimeZoneInfo? FindZone(string? id)
    {
        try
        {
            return string.IsNullOrWhiteSpace(id) ? null : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Every stretch of open time from <paramref name="from"/> on, in order, the first cut to begin no earlier.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenStretches(DateTimeOffset from)
    {
        var zone = FindZone(TimeZone) ?? throw new InvalidOperationException($"unknown time zone '{TimeZone}'");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var closedDays = 0; closedDays < ClosedDaysBeforeGivingUp; day = day.AddDays(1))
        {
            var opened = false;
            if (IsWorkingDay(day))
            {
                foreach (var hours in Hours.OrderBy(h => h.From))
                {
                    var (start, end) = (Instant(day, hours.From, zone), Instant(day, hours.To, zone));
                    if (end <= from)
                    {
                        continue;
                    }
                    opened = true;
                    yield return (start < from ? from : start, end);
                }
            }
            closedDays = opened ? 0 : closedDays + 1;
        }
    }

    private static DateTimeOffset Instant(DateOnly day, int minuteOfDay, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        // Where clocks jump forward, a time inside the jump never happens: the desk opens when the clock shows one that does.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
