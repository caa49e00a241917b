namespace ModerationWorkers.ReadModel;

/// <summary>A notifier's standing as operators read it: only its pseudonymous id and its current suspension.</summary>
public sealed record NotifierRecord
{
    public Guid CorrelationId { get; init; }
    public DateTimeOffset? SuspendedUntil { get; init; }
}
