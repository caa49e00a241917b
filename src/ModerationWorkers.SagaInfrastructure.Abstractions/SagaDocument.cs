namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// A saga instance as the store keeps it: the serialized state plus the few fields the store itself queries.
/// <see cref="Version"/> drives optimistic concurrency; <see cref="TimerDueAt"/> is the saga's pending timer,
/// so a timer becomes durable in the same write as the state that set it.
/// </summary>
public sealed record SagaDocument(Guid Id, int Version, string State, DateTimeOffset? TimerDueAt, string Data);

/// <summary>One versioned replacement of a saga document, with the audit entries to file with it.</summary>
public sealed record SagaWrite(SagaKind Kind, SagaDocument Document, int ExpectedVersion, IReadOnlyList<AuditEntry> Audit);

/// <summary>A saga whose timer is due.</summary>
public sealed record DueTimer(Guid Id, DateTimeOffset DueAt);
