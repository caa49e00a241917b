namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, since issue 14: a legal action was not taken as a hold on the restore. Reasons are
/// <see cref="LegalActionRejectionReasons"/>. The restore, if one is due, goes ahead.
/// </summary>
public sealed record LegalActionRejected
{
    public required Guid CaseId { get; init; }
    public string? CourtReference { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
