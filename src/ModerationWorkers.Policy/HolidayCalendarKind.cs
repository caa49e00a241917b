namespace ModerationWorkers.Policy;

/// <summary>Which public holidays business days skip, besides the dates listed in <see cref="HolidayOptions.Dates"/>.</summary>
public enum HolidayCalendarKind
{
    /// <summary>The US federal holidays (5 U.S.C. §6103), with their observed days: the statute of §512(g) is American.</summary>
    UsFederal,

    /// <summary>No computed holidays: only the listed dates.</summary>
    None,
}
