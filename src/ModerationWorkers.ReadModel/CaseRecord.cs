using ModerationWorkers.Contracts;

namespace ModerationWorkers.ReadModel;

/// <summary>
/// A case as operators read it: the fields of the case saga's stored document that reports and the CLI need, read
/// from the same JSON. The workers write the document; a test holds these names to the saga's.
/// </summary>
public sealed record CaseRecord
{
    public Guid CorrelationId { get; init; }
    public string CurrentState { get; init; } = string.Empty;
    public string NoticeId { get; init; } = string.Empty;
    public string ContentId { get; init; } = string.Empty;
    public ClaimType ClaimType { get; init; }
    public string? AccountId { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public Verdict? Verdict { get; init; }
    public string? ReviewerId { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid? RemoveCommandId { get; init; }

    /// <summary>Opened by a stay-down match, not by a notice.</summary>
    public bool Automated { get; init; }

    /// <summary>Decided by policy (stay-down auto-removal), not by a reviewer.</summary>
    public bool DecidedAutomatically { get; init; }

    /// <summary>High for a trusted flagger's notice (EU DSA Art. 22).</summary>
    public CasePriority Priority { get; init; }

    /// <summary>When an accepted counter-notice arrived.</summary>
    public DateTimeOffset? CounterNoticeAt { get; init; }

    public DateTimeOffset? LegalActionAt { get; init; }
    public DateTimeOffset? AppealedAt { get; init; }
    public AppealOutcome? AppealOutcome { get; init; }
    public DateTimeOffset? AppealDecidedAt { get; init; }
    public DateTimeOffset? RestoredAt { get; init; }

    /// <summary>Closed without a verdict: the content it was filed against never became known.</summary>
    public bool RejectedForUnknownContent => ClosedAt is not null && Verdict is null;
}
