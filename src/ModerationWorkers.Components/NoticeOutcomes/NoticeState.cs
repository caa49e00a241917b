using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.NoticeOutcomes;

/// <summary>A notice of several items, keyed by a deterministic id of its notice id, collecting each item's decision.</summary>
public sealed class NoticeState : IStoredSaga
{
    public static SagaKind Kind => SagaKinds.Notices;

    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }

    public string NoticeId { get; set; } = string.Empty;
    public int NoticeItems { get; set; }

    /// <summary>Each item's first decision, in the order they came; an item is decided once.</summary>
    public List<NoticeItemDecision> Items { get; set; } = [];

    /// <summary>When <see cref="NoticeDecided"/> was published; it is published once.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public List<PendingMessage> Outbox { get; set; } = [];
    public List<AuditEntry> PendingAudit { get; set; } = [];
    public int AuditSequence { get; set; }
    public AuditDetails? NextAudit { get; set; }
}
