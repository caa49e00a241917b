namespace ModerationWorkers.Policy;

/// <summary>
/// Deadlines counted in business days (DMCA §512(g) counts them so): Monday to Friday, in the offset of the start.
/// Public holidays differ by country and are not counted out.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>
    /// Walks forward one calendar day at a time until <paramref name="days"/> weekdays have passed, keeping the time of
    /// day: Friday 15:00 plus one is Monday 15:00, and a weekend start counts from the Monday.
    /// </summary>
    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var at = start;
        for (var counted = 0; counted < days;)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                counted++;
        }

        return at;
    }
}
