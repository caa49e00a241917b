namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, since issue 18: an operator dismissed a strike. A lowered restriction follows as its own
/// <see cref="RestrictAccount"/>.
/// </summary>
public sealed record StrikeDismissed
{
    public required string AccountId { get; init; }
    public required Guid CaseId { get; init; }
    public required string Operator { get; init; }
    public required string Reason { get; init; }
    public required int ActiveStrikes { get; init; }
    public required DateTimeOffset DismissedAt { get; init; }
}
