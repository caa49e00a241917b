using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Components.Configuration;

/// <summary>Bound from <c>Limits</c>.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Bodies larger than this go to the error queue unprocessed. 256 KiB by default.</summary>
    [Range(1024, 128 * 1024 * 1024, ErrorMessage = "Limits:MaxMessageBytes: must be between {1} and {2}")]
    public int MaxMessageBytes { get; set; } = 256 * 1024;
}
