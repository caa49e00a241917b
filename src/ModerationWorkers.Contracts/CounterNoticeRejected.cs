namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: a counter-notice was not accepted. Reasons are <see cref="CounterNoticeRejectionReasons"/>.</summary>
public sealed record CounterNoticeRejected
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
