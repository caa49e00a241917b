namespace ModerationWorkers.Policy;

/// <summary>
/// The US federal holidays of a year (5 U.S.C. §6103), computed from their rules rather than listed, each on the day
/// it is observed: a holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after.
/// </summary>
public static class UsFederalHolidays
{
    public static IEnumerable<DateOnly> Observed(int year)
    {
        yield return Observe(new DateOnly(year, 1, 1));            // New Year's Day
        yield return Nth(year, 1, DayOfWeek.Monday, 3);            // Birthday of Martin Luther King, Jr.
        yield return Nth(year, 2, DayOfWeek.Monday, 3);            // Washington's Birthday
        yield return Last(year, 5, DayOfWeek.Monday);              // Memorial Day
        if (year >= 2021)
            yield return Observe(new DateOnly(year, 6, 19));       // Juneteenth, a federal holiday since 2021
        yield return Observe(new DateOnly(year, 7, 4));            // Independence Day
        yield return Nth(year, 9, DayOfWeek.Monday, 1);            // Labor Day
        yield return Nth(year, 10, DayOfWeek.Monday, 2);           // Columbus Day
        yield return Observe(new DateOnly(year, 11, 11));          // Veterans Day
        yield return Nth(year, 11, DayOfWeek.Thursday, 4);         // Thanksgiving Day
        yield return Observe(new DateOnly(year, 12, 25));          // Christmas Day
    }

    static DateOnly Observe(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
