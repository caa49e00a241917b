using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class NoticeAbusePolicyTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    readonly FakeClock _clock = new(Start);
    readonly NoticeAbusePolicy _policy;

    public NoticeAbusePolicyTests() => _policy = new NoticeAbusePolicy(new PolicyOptions(), _clock);

    // A standing with `founded` founded and `unfounded` unfounded notices decided a day ago.
    static NotifierStanding Decided(int founded, int unfounded, bool warned = false) => new(
        Enumerable.Range(0, founded).Select(i => new NoticeOutcome($"f-{i}", Start.AddDays(-1), Unfounded: false))
            .Concat(Enumerable.Range(0, unfounded).Select(i => new NoticeOutcome($"u-{i}", Start.AddDays(-1), Unfounded: true)))
            .ToArray(),
        SuspendedUntil: null,
        warned);

    [Fact]
    public void A_notice_found_not_infringing_is_recorded_as_unfounded_now()
    {
        var result = _policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing);

        Assert.Equal([new NoticeOutcome("n-1", Start, Unfounded: true)], result.Standing.Outcomes);
        Assert.Equal(1, result.DecidedNotices);
        Assert.Equal(1, result.UnfoundedNotices);
        Assert.Equal(1.0, result.Ratio);
        Assert.False(result.Warn);
        Assert.Null(result.SuspendUntil);
    }

    [Fact]
    public void A_notice_counts_once_however_many_items_it_has()
    {
        var first = _policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing);
        _clock.Advance(TimeSpan.FromHours(1));

        var second = _policy.Record(first.Standing, "n-1", Verdict.NotInfringing);

        Assert.Equal([new NoticeOutcome("n-1", Start, Unfounded: true)], second.Standing.Outcomes);
        Assert.Equal(1, second.DecidedNotices);
        Assert.Equal(1, second.UnfoundedNotices);
    }

    [Fact]
    public void One_infringing_item_makes_the_notice_founded_and_it_stays_founded()
    {
        var unfounded = _policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing);
        var founded = _policy.Record(unfounded.Standing, "n-1", Verdict.Infringing);
        var later = _policy.Record(founded.Standing, "n-1", Verdict.NotInfringing);

        Assert.Equal([new NoticeOutcome("n-1", Start, Unfounded: false)], founded.Standing.Outcomes);
        Assert.Equal(0, founded.UnfoundedNotices);
        Assert.Equal(0.0, founded.Ratio);
        Assert.Equal([new NoticeOutcome("n-1", Start, Unfounded: false)], later.Standing.Outcomes);
    }

    [Fact]
    public void Suspends_at_exactly_the_minimum_notices_and_the_ratio()
    {
        var result = _policy.Record(Decided(founded: 5, unfounded: 4), "n-10", Verdict.NotInfringing);

        Assert.Equal(10, result.DecidedNotices);
        Assert.Equal(5, result.UnfoundedNotices);
        Assert.Equal(0.5, result.Ratio);
        Assert.Equal(Start.AddDays(30), result.SuspendUntil);
        Assert.False(result.Warn);
        Assert.Equal(Start.AddDays(30), result.Standing.SuspendedUntil);
        Assert.False(result.Standing.Warned);
    }

    [Fact]
    public void A_suspension_resets_the_warning()
    {
        var result = _policy.Record(Decided(founded: 5, unfounded: 4, warned: true), "n-10", Verdict.NotInfringing);

        Assert.NotNull(result.SuspendUntil);
        Assert.False(result.Standing.Warned);
    }

    [Fact]
    public void Nine_unfounded_notices_are_too_few_to_suspend_but_warn()
    {
        var result = _policy.Record(Decided(founded: 0, unfounded: 8), "n-9", Verdict.NotInfringing);

        Assert.Equal(9, result.DecidedNotices);
        Assert.Null(result.SuspendUntil);
        Assert.True(result.Warn);
        Assert.True(result.Standing.Warned);
        Assert.Null(result.Standing.SuspendedUntil);
    }

    [Fact]
    public void Just_under_the_ratio_does_not_suspend()
    {
        var result = _policy.Record(Decided(founded: 6, unfounded: 4), "n-11", Verdict.NotInfringing);

        Assert.Equal(11, result.DecidedNotices);
        Assert.Equal(5.0 / 11, result.Ratio);
        Assert.Null(result.SuspendUntil);
        Assert.True(result.Warn); // 5/11 is under 0.5 but over 0.4
    }

    [Fact]
    public void Warns_at_exactly_eight_decided_notices()
    {
        var seven = _policy.Record(Decided(founded: 0, unfounded: 6), "n-7", Verdict.NotInfringing);
        var eight = _policy.Record(Decided(founded: 0, unfounded: 7), "n-8", Verdict.NotInfringing);

        Assert.Equal(7, seven.DecidedNotices);
        Assert.False(seven.Warn);
        Assert.False(seven.Standing.Warned);
        Assert.Equal(8, eight.DecidedNotices);
        Assert.True(eight.Warn);
        Assert.True(eight.Standing.Warned);
    }

    [Fact]
    public void Warns_at_exactly_the_warning_ratio()
    {
        var atRatio = _policy.Record(Decided(founded: 5, unfounded: 4), "n-10", Verdict.Infringing);
        var underRatio = _policy.Record(Decided(founded: 6, unfounded: 4), "n-11", Verdict.Infringing);

        Assert.Equal(0.4, atRatio.Ratio);
        Assert.True(atRatio.Warn);
        Assert.Null(atRatio.SuspendUntil);
        Assert.Equal(4.0 / 11, underRatio.Ratio);
        Assert.False(underRatio.Warn);
        Assert.False(underRatio.Standing.Warned);
    }

    [Fact]
    public void Only_one_warning_until_the_next_suspension()
    {
        var warned = _policy.Record(Decided(founded: 0, unfounded: 7), "n-8", Verdict.NotInfringing);
        var again = _policy.Record(warned.Standing, "n-9", Verdict.NotInfringing);

        Assert.True(warned.Warn);
        Assert.False(again.Warn);
        Assert.Null(again.SuspendUntil);
        Assert.True(again.Standing.Warned);
    }

    [Fact]
    public void While_suspended_nothing_new_is_issued()
    {
        var suspended = Decided(founded: 0, unfounded: 20) with { SuspendedUntil = Start.AddSeconds(1) };

        var result = _policy.Record(suspended, "n-21", Verdict.NotInfringing);

        Assert.True(_policy.IsSuspended(suspended));
        Assert.Equal(21, result.DecidedNotices);
        Assert.False(result.Warn);
        Assert.Null(result.SuspendUntil);
        Assert.Equal(Start.AddSeconds(1), result.Standing.SuspendedUntil);
    }

    [Fact]
    public void A_suspension_ends_exactly_at_its_until()
    {
        var standing = NotifierStanding.Clean with { SuspendedUntil = Start };

        Assert.False(_policy.IsSuspended(standing));
        Assert.True(_policy.IsSuspended(standing with { SuspendedUntil = Start.AddTicks(1) }));
        Assert.False(_policy.IsSuspended(NotifierStanding.Clean));
    }

    [Fact]
    public void After_a_suspension_a_new_warning_comes_first()
    {
        var afterSuspension = Decided(founded: 4, unfounded: 4) with { SuspendedUntil = Start };

        var result = _policy.Record(afterSuspension, "n-9", Verdict.Infringing);

        Assert.Equal(4.0 / 9, result.Ratio);
        Assert.True(result.Warn);
        Assert.Null(result.SuspendUntil);
    }

    [Fact]
    public void Outcomes_older_than_the_period_are_dropped_and_no_longer_count()
    {
        var standing = new NotifierStanding(
        [
            new NoticeOutcome("old", Start.AddDays(-180), Unfounded: true),
            new NoticeOutcome("recent", Start.AddDays(-180).AddSeconds(1), Unfounded: true),
        ], null, false);

        var result = _policy.Record(standing, "n-1", Verdict.Infringing);

        Assert.Equal(["recent", "n-1"], result.Standing.Outcomes.Select(o => o.NoticeId));
        Assert.Equal(2, result.DecidedNotices);
        Assert.Equal(1, result.UnfoundedNotices);
        Assert.Equal(0.5, result.Ratio);
    }

    [Fact]
    public void A_later_item_of_an_expired_notice_leaves_nothing_to_count()
    {
        var standing = new NotifierStanding([new NoticeOutcome("n-1", Start.AddDays(-200), Unfounded: true)], null, false);

        var result = _policy.Record(standing, "n-1", Verdict.NotInfringing);

        Assert.Empty(result.Standing.Outcomes);
        Assert.Equal(0, result.DecidedNotices);
        Assert.Equal(0.0, result.Ratio);
        Assert.False(result.Warn);
    }

    [Fact]
    public void A_prolific_notifiers_standing_stays_bounded_and_still_counts_every_notice()
    {
        var standing = NotifierStanding.Clean;
        for (var i = 0; i < 1000; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            standing = _policy.Record(standing, $"n-{i}", i % 4 == 0 ? Verdict.NotInfringing : Verdict.Infringing).Standing;
        }

        var result = _policy.Record(standing, "n-last", Verdict.Infringing);

        Assert.Equal(NoticeAbusePolicy.RecentNoticeLimit, result.Standing.Outcomes.Count);
        Assert.Equal(1001 - NoticeAbusePolicy.RecentNoticeLimit, result.Standing.Days.Sum(d => d.Decided));
        Assert.True(result.Standing.Days.Count <= 4);
        Assert.Equal((1001, 250), (result.DecidedNotices, result.UnfoundedNotices));
    }

    [Fact]
    public void Folded_days_expire_with_the_period()
    {
        var standing = NotifierStanding.Clean with
        {
            Days = [new NoticeTally(Start.AddDays(-180), 40, 40), new NoticeTally(Start.AddDays(-179), 10, 0)],
        };

        var result = _policy.Record(standing, "n-1", Verdict.NotInfringing);

        Assert.Equal([Start.AddDays(-179)], result.Standing.Days.Select(d => d.Day));
        Assert.Equal((11, 1), (result.DecidedNotices, result.UnfoundedNotices));
        Assert.Null(result.SuspendUntil);
    }

    [Fact]
    public void A_one_item_notice_goes_straight_into_the_tally_and_a_redelivered_outcome_counts_once()
    {
        var caseId = Guid.NewGuid();

        var first = _policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing, caseId, items: 1);
        var again = _policy.Record(first.Standing, "n-1", Verdict.NotInfringing, caseId, items: 1);

        Assert.Empty(first.Standing.Outcomes);
        Assert.Equal([new NoticeTally(new DateTimeOffset(Start.UtcDateTime.Date, TimeSpan.Zero), 1, 1)], first.Standing.Days);
        Assert.Equal([caseId], first.Standing.RecentCases);
        Assert.Equal(first.Standing.Days, again.Standing.Days);
        Assert.Equal((1, 1), (again.DecidedNotices, again.UnfoundedNotices));
    }

    [Fact]
    public void A_multi_item_notice_is_kept_one_by_one_so_a_founded_item_makes_it_founded()
    {
        var first = _policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing, Guid.NewGuid(), items: 2);
        var second = _policy.Record(first.Standing, "n-1", Verdict.Infringing, Guid.NewGuid(), items: 2);

        Assert.Empty(second.Standing.Days);
        Assert.Equal([new NoticeOutcome("n-1", Start, Unfounded: false)], second.Standing.Outcomes);
        Assert.Equal((1, 0), (second.DecidedNotices, second.UnfoundedNotices));
    }

    [Fact]
    public void Only_the_latest_case_ids_are_kept()
    {
        var standing = NotifierStanding.Clean;
        for (var i = 0; i < 100; i++)
            standing = _policy.Record(standing, $"n-{i}", Verdict.Infringing, Guid.NewGuid(), items: 1).Standing;

        Assert.Equal(NoticeAbusePolicy.RecentCaseLimit, standing.RecentCases.Count);
        Assert.Equal(100, standing.Days.Sum(d => d.Decided));
    }

    [Fact]
    public void Thresholds_come_from_options()
    {
        var options = new PolicyOptions { Abuse = new AbuseOptions { MinNotices = 1, Ratio = 1.0, Suspension = TimeSpan.FromHours(6) } };
        var policy = new NoticeAbusePolicy(options, _clock);

        var result = policy.Record(NotifierStanding.Clean, "n-1", Verdict.NotInfringing);

        Assert.Equal(Start.AddHours(6), result.SuspendUntil);
    }

    [Fact]
    public void The_warning_count_is_rounded_up_without_floating_point_surprises()
    {
        // 0.07 * 100 is 7.000000000000001 in binary floating point: the warning still comes at 7 notices, not 8.
        var options = new PolicyOptions { Abuse = new AbuseOptions { MinNotices = 100, WarnAt = 0.07 } };
        var policy = new NoticeAbusePolicy(options, _clock);

        var six = policy.Record(Decided(founded: 0, unfounded: 5), "n-6", Verdict.NotInfringing);
        var seven = policy.Record(Decided(founded: 0, unfounded: 6), "n-7", Verdict.NotInfringing);

        Assert.False(six.Warn);
        Assert.True(seven.Warn);
    }
}
