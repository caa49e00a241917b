namespace ModerationWorkers.Storage;

/// <summary>
/// One transition of a case or an account: when, from which state to which, what caused it (message type and id)
/// and who decided (a reviewer id, or <c>policy</c>). Append-only; (SubjectId, Sequence) is unique.
/// </summary>
public sealed record AuditEntry(
    Guid SubjectId,
    int Sequence,
    DateTimeOffset At,
    string? FromState,
    string ToState,
    string CauseType,
    Guid? CauseMessageId,
    string DecidedBy,
    string? Detail);
