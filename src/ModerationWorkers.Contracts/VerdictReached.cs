namespace ModerationWorkers.Contracts;

/// <summary>Inbound: a reviewer decided a case announced by <see cref="CaseOpened"/>.</summary>
public sealed record VerdictReached
{
    public required Guid CaseId { get; init; }
    public required Verdict Verdict { get; init; }
    public required string ReviewerId { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>True for the verdict on an appeal (<see cref="AppealOpened"/>); absent means false.</summary>
    public bool Appeal { get; init; }
}
