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
        Assert.Equal(expected, BusinessCalendar.AddBusinessDays(start, days));
    }

    [Fact]
    public void Zero_days_is_the_start_even_on_a_weekend()
    {
        Assert.Equal(At(7, 10), BusinessCalendar.AddBusinessDays(At(7, 10), 0));
    }

    [Fact]
    public void Negative_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(At(2, 9), -1));
    }

    [Fact]
    public void Weekdays_are_those_of_the_start_offset()
    {
        // Friday 23:30 at +02:00 is Friday 21:30 UTC; one business day later is Monday 23:30 at +02:00.
        var start = new DateTimeOffset(2026, 11, 6, 23, 30, 0, TimeSpan.FromHours(2));

        var result = BusinessCalendar.AddBusinessDays(start, 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 9, 23, 30, 0, TimeSpan.FromHours(2)), result);
        Assert.Equal(TimeSpan.FromHours(2), result.Offset);
    }
}
