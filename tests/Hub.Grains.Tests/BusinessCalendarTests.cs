using Hub.Grains.Common;
using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Tests;

/// <summary>
/// Business-time arithmetic on the default office day (09:00-12:00, 13:30-17:30 in Shanghai)
/// around National Day 2026: closed 1 to 7 October, Saturday 10 October worked instead (调休).
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly BusinessCalendar NationalDay = BusinessCalendar.Default with
    {
        Holidays = [.. Enumerable.Range(1, 7).Select(day => new DateOnly(2026, 10, day))],
        SwappedWorkdays = [new DateOnly(2026, 10, 10)],
    };

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Fact]
    public void The_lunch_break_does_not_count()
    {
        Assert.Equal(At(10, 12, 13, 50), NationalDay.Add(At(10, 12, 11, 50), TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromMinutes(30), NationalDay.Elapsed(At(10, 12, 11, 50), At(10, 12, 13, 50)));
        Assert.False(NationalDay.IsOpen(At(10, 12, 12, 30)));
        Assert.True(NationalDay.IsOpen(At(10, 12, 13, 30)));
        Assert.False(NationalDay.IsOpen(At(10, 12, 12)));
    }

    [Fact]
    public void The_evening_and_the_weekend_do_not_count()
    {
        Assert.Equal(At(10, 19, 9, 20), NationalDay.Add(At(10, 16, 17, 20), TimeSpan.FromMinutes(30)));
        Assert.Equal(At(10, 19, 9), NationalDay.NextOpening(At(10, 17, 10)));
    }

    [Fact]
    public void A_holiday_week_is_skipped()
    {
        Assert.Equal(At(10, 8, 9, 20), NationalDay.Add(At(9, 30, 17, 20), TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromMinutes(60), NationalDay.Elapsed(At(9, 30, 17), At(10, 8, 9, 30)));
        Assert.False(NationalDay.IsOpen(At(10, 5, 10)));
        Assert.False(NationalDay.IsWorkingDay(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void A_swapped_saturday_is_worked_and_an_ordinary_sunday_is_not()
    {
        Assert.Equal(At(10, 10, 9, 20), NationalDay.Add(At(10, 9, 17, 20), TimeSpan.FromMinutes(30)));
        Assert.True(NationalDay.IsOpen(At(10, 10, 15)));
        Assert.False(NationalDay.IsOpen(At(10, 11, 15)));
        // Friday 16:00-17:30, the whole of the swapped Saturday, Monday 09:00-10:00.
        Assert.Equal(TimeSpan.FromMinutes(90 + 420 + 60), NationalDay.Elapsed(At(10, 9, 16), At(10, 12, 10)));
    }

    [Fact]
    public void Instants_are_read_in_the_calendars_time_zone()
    {
        var mondayNineInShanghai = new DateTimeOffset(2026, 10, 12, 1, 0, 0, TimeSpan.Zero);
        Assert.True(NationalDay.IsOpen(mondayNineInShanghai));
        Assert.False(NationalDay.IsOpen(mondayNineInShanghai.AddMinutes(-1)));
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 5, 30, 0, TimeSpan.Zero), NationalDay.NextOpening(new DateTimeOffset(2026, 10, 12, 4, 30, 0, TimeSpan.Zero)));

        // Berlin moves to summer time on Sunday 29 March 2026: Friday opens at 08:00 UTC, Monday at 07:00 UTC.
        var berlin = BusinessCalendar.Default with { TimeZone = "Europe/Berlin", Hours = [new OpeningHours(9 * 60, 17 * 60)] };
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero), berlin.NextOpening(new DateTimeOffset(2026, 3, 27, 6, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), berlin.NextOpening(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Elapsed_time_is_none_backwards_and_an_open_instant_is_its_own_next_opening()
    {
        Assert.Equal(TimeSpan.Zero, NationalDay.Elapsed(At(10, 12, 11), At(10, 12, 10)));
        Assert.Equal(At(10, 12, 10), NationalDay.NextOpening(At(10, 12, 10)));
    }

    [Fact]
    public void A_clock_warns_at_four_fifths_of_its_target_in_business_time_and_breaches_at_its_due_time()
    {
        var clock = ServiceLevelClock.Start(ServiceLevelClock.FirstResponse, At(10, 9, 17, 10), TimeSpan.FromMinutes(50), NationalDay);
        Assert.Equal((At(10, 10, 9, 20), At(10, 10, 9, 30)), (clock.WarnAt, clock.DueAt));

        var (quiet, none) = clock.Tick(At(10, 10, 9, 19));
        Assert.Empty(none);
        var (warned, warning) = quiet.Tick(At(10, 10, 9, 20));
        Assert.Equal([80], warning);
        var (breached, breach) = warned.Tick(At(10, 10, 9, 31));
        Assert.Equal([100], breach);
        Assert.Equal((ServiceLevelClock.Breached, At(10, 10, 9, 30)), (breached.Status, breached.BreachedAt));
        Assert.Empty(breached.Tick(At(10, 10, 11)).Passed);

        var late = breached.Stop(At(10, 10, 10));
        Assert.Equal((ServiceLevelClock.Breached, At(10, 10, 10)), (late.Status, late.StoppedAt));
        Assert.Equal(ServiceLevelClock.Met, clock.Stop(At(10, 10, 9, 25)).Status);
    }

    [Fact]
    public void Settings_round_trip_and_bad_ones_are_refused()
    {
        var settings = new ServiceLevelSettings("Asia/Shanghai", ["13:30-17:30", "09:00-12:00"], [5, 1, 2, 3, 4],
            ["2026-10-01", "2026-10-02"], ["2026-10-10"], 30, 420);
        var policy = settings.ToPolicy();
        Assert.Equal([new OpeningHours(540, 720), new OpeningHours(810, 1050)], policy.Calendar.Hours);
        var back = policy.ToSettings();
        Assert.Equal(["09:00-12:00", "13:30-17:30"], back.Hours!);
        Assert.Equal([1, 2, 3, 4, 5], back.WorkingDays!);
        Assert.Equal(["2026-10-10"], back.SwappedWorkdays!);

        ServiceLevelSettings[] refused =
        [
            settings with { TimeZone = "Mars/Olympus_Mons" },
            settings with { TimeZone = null },
            settings with { Hours = ["09:00-25:00"] },
            settings with { Hours = ["12:00-09:00"] },
            settings with { Hours = ["9-12"] },
            settings with { Hours = ["09:00-12:00", "11:30-13:00"] },
            settings with { Hours = [] },
            settings with { WorkingDays = [] },
            settings with { WorkingDays = [0, 1] },
            settings with { Holidays = ["2026-02-30"] },
            settings with { Holidays = ["2026-10-10"] },
            settings with { FirstResponseMinutes = 0 },
            settings with { ResolutionMinutes = 20 },
            settings with { ResolutionMinutes = ServiceTargets.MaxMinutes + 1 },
        ];
        foreach (var bad in refused)
        {
            Assert.Equal(HubErrorCode.BadRequest, Assert.Throws<RuleViolation>(bad.ToPolicy).Code);
        }
    }
}
