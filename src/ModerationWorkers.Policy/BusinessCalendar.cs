namespace ModerationWorkers.Policy;

/// <summary>
/// Deadlines counted in business days, as DMCA §512(g)(2)(C) counts them: Monday to Friday, in the offset of the
/// start, skipping public holidays (<see cref="HolidayOptions"/>; US federal holidays by default).
/// </summary>
public sealed class BusinessCalendar(HolidayOptions holidays)
{
    /// <summary>Weekends only, no holidays.</summary>
    public static BusinessCalendar WeekdaysOnly { get; } = new(new HolidayOptions { Calendar = HolidayCalendarKind.None });

    readonly HashSet<DateOnly> _listed = [.. holidays.Dates];

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_listed.Contains(date)
        && !(holidays.Calendar == HolidayCalendarKind.UsFederal && IsUsFederalHoliday(date));

    // New Year's Day on a Saturday is observed on the last day of the year before.
    static bool IsUsFederalHoliday(DateOnly date) =>
        UsFederalHolidays.Observed(date.Year).Contains(date) || (date is { Month: 12, Day: 31 } && UsFederalHolidays.Observed(date.Year + 1).Contains(date));

    /// <summary>
    /// Walks forward one calendar day at a time until <paramref name="days"/> business days have passed, keeping the
    /// time of day: Friday 15:00 plus one is Monday 15:00, and a weekend or holiday start counts from the next business day.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var at = start;
        for (var counted = 0; counted < days;)
        {
            at = at.AddDays(1);
            if (IsBusinessDay(DateOnly.FromDateTime(at.DateTime)))
                counted++;
        }

        return at;
    }
}
