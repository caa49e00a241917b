namespace ModerationWorkers.Policy.Tests;

public class BusinessCalendarTests
{
    static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    public static TheoryData<DateTimeOffset, int, DateTimeOffset> Walks() => new()
    {
        { At(6, 15), 1, At(9, 15) },     // Friday 15:00 + 1 = Monday 15:00
        { At(7, 10), 1, At(9, 10) },     // Saturday 10:00 + 1 = Monday 10:00
        { At(8, 23, 59), 1, At(9, 23, 59) }, // Sunday + 1 = Monday
        { At(2, 9), 4, At(6, 9) },       // Monday + 4 = Friday
        { At(2, 9), 5, At(9, 9) },       // Monday + 5 = next Monday
        { At(2, 9), 10, At(16, 9) },     // Monday + 10 = Monday two weeks later
        { At(4, 12), 10, At(18, 12) },   // Wednesday + 10 = Wednesday two weeks later
        { At(6, 15), 10, At(20, 15) },   // Friday + 10 = Friday two weeks later
        { At(7, 10), 10, At(20, 10) },   // Saturday + 10 = Friday two weeks later
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public void Counts_only_monday_to_friday_and_keeps_the_time_of_day(DateTimeOffset start, int days, DateTimeOffset expected)
    {
        Assert.Equal(expected, BusinessCalendar.WeekdaysOnly.AddBusinessDays(start, days));
    }

    [Fact]
    public void Zero_days_is_the_start_even_on_a_weekend()
    {
        Assert.Equal(At(7, 10), BusinessCalendar.WeekdaysOnly.AddBusinessDays(At(7, 10), 0));
    }

    [Fact]
    public void Negative_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.WeekdaysOnly.AddBusinessDays(At(2, 9), -1));
    }

    [Fact]
    public void Weekdays_are_those_of_the_start_offset()
    {
        // Friday 23:30 at +02:00 is Friday 21:30 UTC; one business day later is Monday 23:30 at +02:00.
        var start = new DateTimeOffset(2026, 11, 6, 23, 30, 0, TimeSpan.FromHours(2));

        var result = BusinessCalendar.WeekdaysOnly.AddBusinessDays(start, 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 9, 23, 30, 0, TimeSpan.FromHours(2)), result);
        Assert.Equal(TimeSpan.FromHours(2), result.Offset);
    }

    [Fact]
    public void The_us_federal_holidays_are_computed_with_their_observed_days()
    {
        Assert.Equal(
            [new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 5, 25), new(2026, 6, 19), new(2026, 7, 3),
             new(2026, 9, 7), new(2026, 10, 12), new(2026, 11, 11), new(2026, 11, 26), new(2026, 12, 25)],
            UsFederalHolidays.Observed(2026).ToArray());
        // 2027: Juneteenth and Christmas fall on a Saturday (observed the Friday), Independence Day on a Sunday (the Monday).
        Assert.Equal(
            [new(2027, 1, 1), new(2027, 1, 18), new(2027, 2, 15), new(2027, 5, 31), new(2027, 6, 18), new(2027, 7, 5),
             new(2027, 9, 6), new(2027, 10, 11), new(2027, 11, 11), new(2027, 11, 25), new(2027, 12, 24)],
            UsFederalHolidays.Observed(2027).ToArray());
    }

    [Fact]
    public void Business_days_skip_us_federal_holidays_by_default_including_one_observed_in_the_year_before()
    {
        var calendar = new BusinessCalendar(new HolidayOptions());

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 26)));   // Thanksgiving
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 7, 3)));     // Independence Day, observed
        Assert.False(calendar.IsBusinessDay(new DateOnly(2021, 12, 31)));   // New Year's Day 2022 is a Saturday
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 31)));
        // Wednesday 2026-11-25 + 1 skips Thanksgiving to Friday.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), calendar.AddBusinessDays(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), 1));
    }

    [Fact]
    public void Listed_dates_are_holidays_too()
    {
        var calendar = new BusinessCalendar(new HolidayOptions { Calendar = HolidayCalendarKind.None, Dates = [new DateOnly(2026, 11, 3)] });

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 3)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 11)));
        Assert.Equal(At(5, 9), calendar.AddBusinessDays(At(2, 9), 2));
    }
}
