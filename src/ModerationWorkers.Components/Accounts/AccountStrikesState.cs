using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Accounts;

/// <summary>An account's strike ledger. One instance per account, keyed by a deterministic id of the account id.</summary>
public sealed class AccountStrikesState : IStoredSaga
{
    public static SagaKind Kind => SagaKinds.Accounts;

    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }

    public string AccountId { get; set; } = string.Empty;
    public List<Strike> Strikes { get; set; } = [];
    public bool PermanentlyBanned { get; set; }
    public DateTimeOffset? SuspendedUntil { get; set; }

    /// <summary>Cases restored after a removal: a strike for one of them that arrives later is not applied.</summary>
    public List<Guid> RetractedCases { get; set; } = [];

    /// <summary>Cases whose strike an operator dismissed, so the same command delivered again is answered once; since issue 18.</summary>
    public List<Guid> DismissedCases { get; set; } = [];

    /// <summary>The policy's view of the fields above; not stored, so a document holds each strike once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StrikeStanding Standing => new(Strikes, PermanentlyBanned) { SuspendedUntil = SuspendedUntil, RetractedCases = RetractedCases };

    /// <summary>Every restriction published for this account, oldest first.</summary>
    public List<RestrictionRecord> Restrictions { get; set; } = [];

    public List<PendingMessage> Outbox { get; set; } = [];
    public List<AuditEntry> PendingAudit { get; set; } = [];
    public int AuditSequence { get; set; }
    public AuditDetails? NextAudit { get; set; }
}
