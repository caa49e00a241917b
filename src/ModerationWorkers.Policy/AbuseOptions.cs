using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Policy;

/// <summary>
/// When a notifier files manifestly unfounded notices too often (EU DSA Art. 23), bound from <c>Policy:Abuse</c>.
/// A warning comes first, then a suspension, so a notifier is never suspended without notice.
/// </summary>
public sealed class AbuseOptions
{
    /// <summary>The share of unfounded notices, among those decided in <see cref="Period"/>, that suspends.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "Policy:Abuse:Ratio: must be greater than {1} and at most {2}")]
    public double Ratio { get; set; } = 0.5;

    /// <summary>The fewest decided notices before a ratio means anything: one bad notice out of one is not abuse.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Policy:Abuse:MinNotices: must be at least {1}")]
    public int MinNotices { get; set; } = 10;

    /// <summary>How far back decided notices count.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:Abuse:Period: must be between {1} and {2}")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long a suspended notifier's notices are refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:Abuse:Suspension: must be between {1} and {2}")]
    public TimeSpan Suspension { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The fraction of both <see cref="MinNotices"/> and <see cref="Ratio"/> at which the warning comes.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true, ErrorMessage = "Policy:Abuse:WarnAt: must be greater than {1} and less than {2}")]
    public double WarnAt { get; set; } = 0.8;
}
