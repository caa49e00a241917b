namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event: a notifier has reached 80 % of the notice-abuse threshold (EU DSA Art. 23) and will be
/// suspended if it goes on. <see cref="NotifierId"/> is a stable pseudonym of the notifier's e-mail address.
/// </summary>
public sealed record NotifierWarned
{
    public required Guid NotifierId { get; init; }
    public required string NoticeId { get; init; }
    public required int DecidedNotices { get; init; }
    public required int UnfoundedNotices { get; init; }
    public required double Ratio { get; init; }
    public required double SuspensionRatio { get; init; }
    public required DateTimeOffset WarnedAt { get; init; }
}
