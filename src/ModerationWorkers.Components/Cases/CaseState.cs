using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Cases;

/// <summary>One notice against one item of content, from filing to its outcome. Closed cases stay in the store.</summary>
public sealed class CaseState : IStoredSaga, ITimedSaga
{
    public static SagaKind Kind => SagaKinds.Cases;

    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }

    public string NoticeId { get; set; } = string.Empty;
    public string ContentId { get; set; } = string.Empty;
    public ClaimType ClaimType { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? AccountId { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }

    public Verdict? Verdict { get; set; }
    public string? ReviewerId { get; set; }
    public string? VerdictReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? RemoveCommandId { get; set; }

    /// <summary>The content's fingerprint, banked for stay-down when the content is removed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>Opened by a stay-down match (<see cref="MatchedCaseId"/>), not by a notice.</summary>
    public bool Automated { get; set; }
    public Guid? MatchedCaseId { get; set; }

    /// <summary>Decided by policy (stay-down auto-removal), not by a reviewer.</summary>
    public bool DecidedAutomatically { get; set; }
    public CasePriority Priority { get; set; }
    public Guid? NotifierId { get; set; }
    public int? NoticeItems { get; set; }
    public bool StrikeRecorded { get; set; }

    public DateTimeOffset? CounterNoticeAt { get; set; }

    /// <summary>The digest of the accepted counter-notice, so its redelivery is answered once, not rejected as a second one.</summary>
    public string? CounterNoticeDigest { get; set; }

    /// <summary>The publisher's message id of the accepted counter-notice, when it had one.</summary>
    public string? CounterNoticeMessageId { get; set; }
    public DateTimeOffset? RestoreAt { get; set; }
    public DateTimeOffset? LegalActionAt { get; set; }

    /// <summary>The court action a legal hold waits for; its <c>LegalActionConcluded</c> must name it.</summary>
    public string? LegalActionReference { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }

    /// <summary>The digest of the accepted appeal, for the same reason.</summary>
    public string? AppealDigest { get; set; }

    /// <summary>The publisher's message id of the accepted appeal, when it had one.</summary>
    public string? AppealMessageId { get; set; }
    public string? AppealReason { get; set; }
    public AppealOutcome? AppealOutcome { get; set; }

    /// <summary>When the appeal was decided (the reviewer's decidedAt); null in documents written before issue 17.</summary>
    public DateTimeOffset? AppealDecidedAt { get; set; }
    public DateTimeOffset? RestoredAt { get; set; }

    /// <summary>When the notifier's complaint about a decision not to act was accepted (EU DSA Art. 20(1)); since issue 18.</summary>
    public DateTimeOffset? ComplaintAt { get; set; }

    /// <summary>The digest and message id of the accepted complaint, to answer its redelivery once, as for an appeal.</summary>
    public string? ComplaintDigest { get; set; }

    public string? ComplaintMessageId { get; set; }
    public string? ComplaintReason { get; set; }
    public AppealOutcome? ComplaintOutcome { get; set; }
    public DateTimeOffset? ComplaintDecidedAt { get; set; }

    /// <summary>When the notifier's retraction of the notice reached this case; since issue 18.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public DateTimeOffset? TimerDueAt { get; set; }
    public List<PendingMessage> Outbox { get; set; } = [];
    public List<AuditEntry> PendingAudit { get; set; } = [];
    public int AuditSequence { get; set; }
    public AuditDetails? NextAudit { get; set; }
}
