namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound, since issue 14: the court action behind a legal hold has ended. It is the hold's way out: with
/// <see cref="LegalActionOutcome.Restore"/> the content comes back (the notifier lost or withdrew), with
/// <see cref="LegalActionOutcome.KeepRemoved"/> the removal stands for good and the case closes. The
/// <see cref="CourtReference"/> must be the hold's.
/// </summary>
public sealed record LegalActionConcluded
{
    public required Guid CaseId { get; init; }
    public required string CourtReference { get; init; }
    public required LegalActionOutcome Outcome { get; init; }
    public DateTimeOffset ConcludedAt { get; init; }
}
