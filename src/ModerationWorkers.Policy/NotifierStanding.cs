namespace ModerationWorkers.Policy;

/// <summary>
/// What the abuse policy keeps of a notifier: its recently decided notices, whether it is suspended, and whether it
/// has had its one warning since the last suspension.
/// </summary>
public sealed record NotifierStanding(IReadOnlyList<NoticeOutcome> Outcomes, DateTimeOffset? SuspendedUntil, bool Warned)
{
    public static NotifierStanding Clean { get; } = new([], null, false);
}
