namespace ModerationWorkers.Contracts;

/// <summary>Inbound: a reviewer decided a case announced by <see cref="CaseOpened"/>.</summary>
public sealed record VerdictReached
{
    public required Guid CaseId { get; init; }
    public required Verdict Verdict { get; init; }
    public required string ReviewerId { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
