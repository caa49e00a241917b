namespace ModerationWorkers.Policy;

/// <summary>
/// What the abuse policy keeps of a notifier: its most recently decided notices one by one (so a notice with several
/// items counts once), older ones as daily tallies, whether it is suspended, and whether it has had its one warning
/// since the last suspension.
/// </summary>
public sealed record NotifierStanding(IReadOnlyList<NoticeOutcome> Outcomes, DateTimeOffset? SuspendedUntil, bool Warned)
{
    public static NotifierStanding Clean { get; } = new([], null, false);

    /// <summary>Decided notices folded out of <see cref="Outcomes"/>, by day.</summary>
    public IReadOnlyList<NoticeTally> Days { get; init; } = [];

    /// <summary>The latest decided case ids, so a redelivered outcome is not counted twice.</summary>
    public IReadOnlyList<Guid> RecentCases { get; init; } = [];
}
