using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Policy;

/// <summary>The tunable durations and limits of the infringement policy, bound from <c>Policy</c>.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>How long a case waits for content it does not know yet before rejecting it as unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "Policy:ContentWaitTimeout: must be between {1} and {2}")]
    public TimeSpan ContentWaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a strike counts towards the ladder.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:StrikeLifetime: must be between {1} and {2}")]
    public TimeSpan StrikeLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long an upload suspension (the second rung) lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:UploadSuspension: must be between {1} and {2}")]
    public TimeSpan UploadSuspension { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most content ids a single notice may list.</summary>
    [Range(1, 10_000, ErrorMessage = "Policy:MaxItemsPerNotice: must be between {1} and {2}")]
    public int MaxItemsPerNotice { get; set; } = 100;
}
