namespace ModerationWorkers.Policy;

/// <summary>The public holidays that business-day deadlines skip, bound from <c>Policy:Holidays</c>.</summary>
public sealed class HolidayOptions
{
    /// <summary>The computed calendar; US federal holidays by default.</summary>
    public HolidayCalendarKind Calendar { get; set; } = HolidayCalendarKind.UsFederal;

    /// <summary>Further holidays, as dates (yyyy-MM-dd): a platform's own days off, or another country's holidays.</summary>
    public List<DateOnly> Dates { get; set; } = [];
}
