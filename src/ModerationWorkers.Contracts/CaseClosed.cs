namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: a case reached its final outcome.</summary>
public sealed record CaseClosed
{
    public required Guid CaseId { get; init; }
    public required CaseOutcome Outcome { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>The notice the case was opened on, so the notifier can be answered (DSA Art. 16(5)); since issue 18.</summary>
    public string? NoticeId { get; init; }
}
