namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: a case reached its final outcome.</summary>
public sealed record CaseClosed
{
    public required Guid CaseId { get; init; }
    public required CaseOutcome Outcome { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
