using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, notice intake to the case saga: open the case of one notice against one item.</summary>
public sealed record OpenCase
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required DateTimeOffset FiledAt { get; init; }

    /// <summary>When notice intake accepted the notice: the start of the notice-to-removal time.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Opened by a stay-down fingerprint match rather than a notice.</summary>
    public bool Automated { get; init; }

    /// <summary>For an automated case, the case whose removal banked the fingerprint.</summary>
    public Guid? MatchedCaseId { get; init; }

    public CasePriority Priority { get; init; }

    /// <summary>The pseudonym of the notifier, whose notice outcomes feed the notice-abuse policy.</summary>
    public Guid? NotifierId { get; init; }

    /// <summary>How many items the notice lists.</summary>
    public int? NoticeItems { get; init; }
}
