namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event: a notifier's notices are no longer processed until <see cref="Until"/> (EU DSA Art. 23): too many
/// were found unfounded. Their notices meanwhile get <see cref="NoticeRejected"/> with reason NotifierSuspended.
/// </summary>
public sealed record NotifierSuspended
{
    public required Guid NotifierId { get; init; }
    public required string NoticeId { get; init; }
    public required int DecidedNotices { get; init; }
    public required int UnfoundedNotices { get; init; }
    public required double Ratio { get; init; }
    public required DateTimeOffset Until { get; init; }
    public required DateTimeOffset SuspendedAt { get; init; }
}
