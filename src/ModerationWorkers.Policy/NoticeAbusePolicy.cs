using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>
/// EU DSA Art. 23: a notifier who frequently files manifestly unfounded notices is suspended for a while, after a
/// prior warning. Pure and deterministic: the clock is injected, and the caller keeps the standing.
/// </summary>
public sealed class NoticeAbusePolicy(PolicyOptions options, TimeProvider clock)
{
    /// <summary>
    /// How many decided notices are kept one by one. Older ones are folded into daily tallies, so the standing of a
    /// notifier who files a hundred thousand notices stays a few kilobytes. The cost: an item decided after its notice
    /// was folded counts that notice again.
    /// </summary>
    public const int RecentNoticeLimit = 256;

    /// <summary>How many decided case ids are kept to recognise a redelivered outcome of a one-item notice.</summary>
    public const int RecentCaseLimit = 64;

    // Ratios are binary fractions: 4/10 and 0.8 * 0.5 may differ in the last bit, yet exactly at the threshold counts.
    const double Tolerance = 1e-9;

    public bool IsSuspended(NotifierStanding standing) => standing.SuspendedUntil > clock.GetUtcNow();

    /// <summary>
    /// An operator lifts a suspension now, or null when none is in force. The lift is a fresh start: the notices
    /// decided before it no longer count, or the very next outcome would suspend the notifier again on the same record;
    /// and the next suspension again comes after a warning. The recent case ids stay, so a late redelivery is still
    /// recognised.
    /// </summary>
    public NotifierStanding? Lift(NotifierStanding standing) =>
        IsSuspended(standing) ? standing with { Outcomes = [], Days = [], SuspendedUntil = null, Warned = false } : null;

    /// <summary>
    /// Records the verdict on one item of <paramref name="noticeId"/> and says whether to warn or suspend.
    /// <paramref name="caseId"/> and <paramref name="items"/> (how many items the notice lists) let a one-item notice
    /// skip the per-notice list: it is decided once, so it goes straight into today's tally, and its case id guards
    /// against counting a redelivered outcome twice.
    /// </summary>
    public AbuseDecision Record(NotifierStanding standing, string noticeId, Verdict verdict, Guid? caseId = null, int? items = null)
    {
        var now = clock.GetUtcNow();
        var abuse = options.Abuse;
        var unfoundedNow = verdict == Verdict.NotInfringing;

        IEnumerable<NoticeOutcome> outcomes = standing.Outcomes;
        IEnumerable<NoticeTally> tallies = standing.Days;
        var recentCases = standing.RecentCases;
        var duplicate = caseId is { } seen && recentCases.Contains(seen);
        if (!duplicate)
        {
            if (items == 1 && caseId is not null && !standing.Outcomes.Any(o => o.NoticeId == noticeId))
                tallies = AddToDay(tallies, now, unfoundedNow);
            else
                // A notice is founded as soon as one of its items is: a later NotInfringing item does not undo that.
                outcomes = standing.Outcomes.Any(o => o.NoticeId == noticeId)
                    ? standing.Outcomes.Select(o => o.NoticeId == noticeId && verdict == Verdict.Infringing ? o with { Unfounded = false } : o)
                    : standing.Outcomes.Append(new NoticeOutcome(noticeId, now, Unfounded: unfoundedNow));
            if (caseId is { } id)
                recentCases = [.. recentCases.TakeLast(RecentCaseLimit - 1), id];
        }

        // Outcomes older than the period no longer count, so they are dropped and the document stays small.
        var recent = outcomes.Where(o => o.DecidedAt + abuse.Period > now).ToList();
        var days = Fold(tallies.Where(d => d.Day + abuse.Period > now), recent);
        var decided = recent.Count + days.Sum(d => d.Decided);
        var unfounded = recent.Count(o => o.Unfounded) + days.Sum(d => d.Unfounded);
        var ratio = decided == 0 ? 0 : (double)unfounded / decided;
        var next = standing with { Outcomes = recent, Days = days, RecentCases = recentCases };

        // A redelivered outcome was judged when it first came.
        if (duplicate || IsSuspended(standing))
            return new AbuseDecision(next, decided, unfounded, ratio, Warn: false, SuspendUntil: null);

        if (decided >= abuse.MinNotices && ratio >= abuse.Ratio - Tolerance)
        {
            // The warning is spent: after this suspension a new one comes before the next.
            var until = now + abuse.Suspension;
            return new AbuseDecision(next with { SuspendedUntil = until, Warned = false }, decided, unfounded, ratio, Warn: false, until);
        }

        var warnFrom = (int)Math.Ceiling(abuse.WarnAt * abuse.MinNotices - Tolerance);
        if (!standing.Warned && decided >= warnFrom && ratio >= abuse.WarnAt * abuse.Ratio - Tolerance)
            return new AbuseDecision(next with { Warned = true }, decided, unfounded, ratio, Warn: true, SuspendUntil: null);

        return new AbuseDecision(next, decided, unfounded, ratio, Warn: false, SuspendUntil: null);
    }

    static IEnumerable<NoticeTally> AddToDay(IEnumerable<NoticeTally> tallies, DateTimeOffset now, bool unfounded)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var list = tallies.ToList();
        var index = list.FindIndex(t => t.Day == day);
        var tally = index >= 0 ? list[index] : new NoticeTally(day, 0, 0);
        tally = tally with { Decided = tally.Decided + 1, Unfounded = tally.Unfounded + (unfounded ? 1 : 0) };
        if (index >= 0)
            list[index] = tally;
        else
            list.Add(tally);
        return list;
    }

    /// <summary>Moves the oldest outcomes beyond <see cref="RecentNoticeLimit"/> into the tallies of their day.</summary>
    static NoticeTally[] Fold(IEnumerable<NoticeTally> days, List<NoticeOutcome> recent)
    {
        var tallies = days.ToDictionary(d => d.Day);
        var excess = recent.Count - RecentNoticeLimit;
        if (excess <= 0)
            return [.. tallies.Values.OrderBy(d => d.Day)];

        foreach (var outcome in recent.OrderBy(o => o.DecidedAt).Take(excess).ToList())
        {
            var day = new DateTimeOffset(outcome.DecidedAt.UtcDateTime.Date, TimeSpan.Zero);
            var tally = tallies.GetValueOrDefault(day) ?? new NoticeTally(day, 0, 0);
            tallies[day] = tally with { Decided = tally.Decided + 1, Unfounded = tally.Unfounded + (outcome.Unfounded ? 1 : 0) };
            recent.Remove(outcome);
        }

        return [.. tallies.Values.OrderBy(d => d.Day)];
    }
}
