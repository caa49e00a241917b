using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Notifiers;

/// <summary>
/// A notifier's record of decided notices (EU DSA Art. 23). One instance per notifier, keyed by the pseudonym of
/// their e-mail address, so no personal data is stored here.
/// </summary>
public sealed class NotifierStandingState : IStoredSaga
{
    public static SagaKind Kind => SagaKinds.Notifiers;

    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }

    public List<NoticeOutcome> Outcomes { get; set; } = [];
    public List<NoticeTally> Days { get; set; } = [];
    public List<Guid> RecentCases { get; set; } = [];
    public DateTimeOffset? SuspendedUntil { get; set; }
    public bool Warned { get; set; }

    /// <summary>The last operator lift applied (operator and issue time), so the same command delivered again is answered once; since issue 18.</summary>
    public string? LastLift { get; set; }

    public List<PendingMessage> Outbox { get; set; } = [];
    public List<AuditEntry> PendingAudit { get; set; } = [];
    public int AuditSequence { get; set; }
    public AuditDetails? NextAudit { get; set; }

    /// <summary>The policy's view of the fields above; not stored, so a document holds each outcome once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public NotifierStanding Standing => new(Outcomes, SuspendedUntil, Warned) { Days = Days, RecentCases = RecentCases };
}
