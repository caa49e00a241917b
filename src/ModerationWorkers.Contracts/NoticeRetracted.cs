namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound, since issue 18: the notifier withdraws a notice. Every removed item comes back (<see cref="RestoreContent"/>),
/// its strike is retracted, and items not yet decided close as <see cref="CaseOutcome.NoticeWithdrawn"/>.
/// <see cref="NotifierEmail"/> must be the notice's notifier's; it is compared by its pseudonym and never stored.
/// Only <see cref="NoticeId"/> is required on the wire; other gaps are reasons in <see cref="NoticeRetractionRejected"/>.
/// </summary>
public sealed record NoticeRetracted
{
    public required string NoticeId { get; init; }

    /// <summary>Personal data: never logged.</summary>
    public string? NotifierEmail { get; init; }

    public string? Reason { get; init; }
    public DateTimeOffset RetractedAt { get; init; }
}
