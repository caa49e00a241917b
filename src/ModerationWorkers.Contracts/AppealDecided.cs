namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: the appeal of a case was decided. A reversal also restores the content.</summary>
public sealed record AppealDecided
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public required AppealOutcome Outcome { get; init; }
    public required string ReviewerId { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
