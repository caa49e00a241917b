namespace ModerationWorkers.Policy;

/// <summary>
/// The abuse policy's answer to a decided notice: the notifier's new standing, the counts it was judged on, and
/// whether to warn or suspend now. At most one of <see cref="Warn"/> and <see cref="SuspendUntil"/> is set.
/// </summary>
public sealed record AbuseDecision(
    NotifierStanding Standing,
    int DecidedNotices,
    int UnfoundedNotices,
    double Ratio,
    bool Warn,
    DateTimeOffset? SuspendUntil);
