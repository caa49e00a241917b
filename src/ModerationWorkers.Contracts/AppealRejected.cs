namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: an appeal was not accepted. Reasons are <see cref="AppealRejectionReasons"/>.</summary>
public sealed record AppealRejected
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
