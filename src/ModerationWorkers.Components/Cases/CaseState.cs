using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>One notice against one item of content, from filing to its outcome. Closed cases stay in the store.</summary>
[SagaKind("cases")]
public sealed class CaseState : IStoredSaga
{
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

    public DateTimeOffset? TimerDueAt { get; set; }
    public List<PendingMessage> Outbox { get; set; } = [];
    public List<AuditEntry> PendingAudit { get; set; } = [];
    public int AuditSequence { get; set; }
    public string? TransitionNote { get; set; }
}
