namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound, since issue 18: the notifier contests a decision not to act on an item of their notice (EU DSA Art. 20(1)).
/// <see cref="NotifierEmail"/> must be the notice's notifier's; it is compared by its pseudonym and never stored.
/// Only <see cref="CaseId"/> is required on the wire; every other gap is a reason in <see cref="NoticeComplaintRejected"/>.
/// </summary>
public sealed record NoticeComplaintFiled
{
    public required Guid CaseId { get; init; }

    /// <summary>Personal data: never logged.</summary>
    public string? NotifierEmail { get; init; }

    public string? Reason { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
