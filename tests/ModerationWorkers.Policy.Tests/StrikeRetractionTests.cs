using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class StrikeRetractionTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    readonly FakeClock _clock = new(Start);
    readonly StrikeLadder _ladder;
    readonly Guid[] _cases = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public StrikeRetractionTests() => _ladder = new StrikeLadder(new PolicyOptions(), _clock);

    // Records one strike per day for n-1, n-2, ... with case _cases[i], and returns the standing.
    StrikeStanding StrikesOnConsecutiveDays(int count)
    {
        var standing = StrikeStanding.Clean;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                _clock.Advance(TimeSpan.FromDays(1));
            standing = _ladder.Record(standing, $"n-{i + 1}", _cases[i]).Standing;
        }

        return standing;
    }

    [Fact]
    public void A_case_without_a_strike_changes_no_strike_but_is_remembered_as_retracted()
    {
        var standing = StrikesOnConsecutiveDays(2);
        var restored = Guid.NewGuid();

        var result = _ladder.Retract(standing, restored);

        Assert.False(result.Found);
        Assert.False(result.StrikeRemoved);
        Assert.Equal(standing.Strikes, result.Standing.Strikes);
        Assert.Equal([restored], result.Standing.RetractedCases);
        Assert.Equal(2, result.ActiveStrikes);
        Assert.Null(result.Lifted);
    }

    [Fact]
    public void Retracting_the_only_strike_removes_it_and_a_warning_needs_no_lifting()
    {
        var standing = StrikesOnConsecutiveDays(1);

        var result = _ladder.Retract(standing, _cases[0]);

        Assert.True(result.Found);
        Assert.True(result.StrikeRemoved);
        Assert.Empty(result.Standing.Strikes);
        Assert.Equal(0, result.ActiveStrikes);
        Assert.Null(result.Lifted);
        Assert.False(result.Standing.PermanentlyBanned);
        Assert.Null(result.Standing.SuspendedUntil);
    }

    [Fact]
    public void Retracting_the_second_strike_lifts_a_running_suspension()
    {
        var standing = StrikesOnConsecutiveDays(2);
        _clock.Advance(TimeSpan.FromDays(1));

        var result = _ladder.Retract(standing, _cases[1]);

        Assert.True(result.StrikeRemoved);
        Assert.Equal(1, result.ActiveStrikes);
        Assert.Equal(new Restriction(RestrictionLevel.None, null), result.Lifted);
        Assert.Null(result.Standing.SuspendedUntil);
        Assert.False(result.Standing.PermanentlyBanned);
        Assert.Equal(_cases[0], Assert.Single(result.Standing.Strikes).CaseId);
    }

    [Fact]
    public void A_suspension_that_ended_exactly_now_is_not_lifted()
    {
        var standing = StrikesOnConsecutiveDays(2);
        _clock.Advance(TimeSpan.FromDays(7));

        var result = _ladder.Retract(standing, _cases[1]);

        Assert.True(result.StrikeRemoved);
        Assert.Null(result.Lifted);
        Assert.Equal(Start.AddDays(8), result.Standing.SuspendedUntil);
    }

    [Fact]
    public void A_suspension_one_second_before_its_end_is_lifted()
    {
        var standing = StrikesOnConsecutiveDays(2);
        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));

        var result = _ladder.Retract(standing, _cases[1]);

        Assert.Equal(new Restriction(RestrictionLevel.None, null), result.Lifted);
        Assert.Null(result.Standing.SuspendedUntil);
    }

    [Fact]
    public void Retracting_the_third_strike_lowers_a_ban_to_the_suspension_the_second_brought()
    {
        var standing = StrikesOnConsecutiveDays(3);
        Assert.True(standing.PermanentlyBanned);
        _clock.Advance(TimeSpan.FromDays(1));

        var result = _ladder.Retract(standing, _cases[2]);

        Assert.True(result.StrikeRemoved);
        Assert.Equal(2, result.ActiveStrikes);
        Assert.Equal(new Restriction(RestrictionLevel.UploadSuspended, Start.AddDays(1 + 7)), result.Lifted);
        Assert.False(result.Standing.PermanentlyBanned);
        Assert.Equal(Start.AddDays(8), result.Standing.SuspendedUntil);
    }

    [Fact]
    public void Retracting_the_first_strike_of_a_ban_suspends_from_the_later_pair()
    {
        var standing = StrikesOnConsecutiveDays(3);
        _clock.Advance(TimeSpan.FromDays(1));

        var result = _ladder.Retract(standing, _cases[0]);

        // The second active strike is now the one of day 2.
        Assert.Equal(new Restriction(RestrictionLevel.UploadSuspended, Start.AddDays(2 + 7)), result.Lifted);
        Assert.Equal(Start.AddDays(9), result.Standing.SuspendedUntil);
    }

    [Fact]
    public void A_ban_lifted_after_the_suspension_it_would_have_been_ended_lifts_to_none()
    {
        var standing = StrikesOnConsecutiveDays(3);
        _clock.Advance(TimeSpan.FromDays(7)); // day 9: the suspension of strike 3 would end exactly now

        var result = _ladder.Retract(standing, _cases[0]);

        Assert.Equal(new Restriction(RestrictionLevel.None, null), result.Lifted);
        Assert.False(result.Standing.PermanentlyBanned);
        Assert.Null(result.Standing.SuspendedUntil);
        Assert.Equal(2, result.ActiveStrikes);
    }

    [Fact]
    public void A_ban_that_the_remaining_strikes_still_bring_stays()
    {
        var standing = StrikesOnConsecutiveDays(4);

        var result = _ladder.Retract(standing, _cases[3]);

        Assert.True(result.StrikeRemoved);
        Assert.Equal(3, result.ActiveStrikes);
        Assert.Null(result.Lifted);
        Assert.True(result.Standing.PermanentlyBanned);
    }

    [Fact]
    public void A_strike_recorded_after_a_ban_does_not_lift_it_when_retracted_after_the_others_expired()
    {
        // Strikes 1-3 banned the account; strike 4 came later from older content. As if strike 4 never happened, the
        // ban still stands, even though strikes 1-3 are no longer active.
        var standing = StrikesOnConsecutiveDays(3);
        _clock.Advance(TimeSpan.FromDays(100));
        standing = _ladder.Record(standing, "n-4", _cases[3]).Standing;
        _clock.Advance(TimeSpan.FromDays(1));

        var result = _ladder.Retract(standing, _cases[3]);

        Assert.True(result.StrikeRemoved);
        Assert.Equal(0, result.ActiveStrikes);
        Assert.Null(result.Lifted);
        Assert.True(result.Standing.PermanentlyBanned);
    }

    [Fact]
    public void Retracting_one_case_of_a_strike_keeps_the_strike_and_its_rung()
    {
        var other = Guid.NewGuid();
        var standing = StrikesOnConsecutiveDays(2);
        standing = _ladder.Record(standing, "n-2", other).Standing;

        var result = _ladder.Retract(standing, other);

        Assert.True(result.Found);
        Assert.False(result.StrikeRemoved);
        Assert.Equal(2, result.ActiveStrikes);
        Assert.Null(result.Lifted);
        Assert.Equal(Start.AddDays(8), result.Standing.SuspendedUntil);
        var strike = result.Standing.Strikes[1];
        Assert.Equal(_cases[1], strike.CaseId);
        Assert.Empty(strike.OtherCases);
    }

    [Fact]
    public void Retracting_a_strikes_own_case_promotes_its_first_other_case()
    {
        var (second, third) = (Guid.NewGuid(), Guid.NewGuid());
        var standing = _ladder.Record(StrikeStanding.Clean, "n-1", _cases[0]).Standing;
        standing = _ladder.Record(standing, "n-1", second).Standing;
        standing = _ladder.Record(standing, "n-1", third).Standing;

        var result = _ladder.Retract(standing, _cases[0]);

        Assert.False(result.StrikeRemoved);
        var strike = Assert.Single(result.Standing.Strikes);
        Assert.Equal(second, strike.CaseId);
        Assert.Equal([third], strike.OtherCases);
        Assert.Equal("n-1", strike.NoticeId);
        Assert.Equal(Start, strike.RecordedAt);
    }

    [Fact]
    public void The_strike_goes_when_its_last_case_is_retracted()
    {
        var other = Guid.NewGuid();
        var standing = StrikesOnConsecutiveDays(2);
        standing = _ladder.Record(standing, "n-2", other).Standing;
        _clock.Advance(TimeSpan.FromDays(1));

        var first = _ladder.Retract(standing, _cases[1]);
        var last = _ladder.Retract(first.Standing, other);

        Assert.False(first.StrikeRemoved);
        Assert.Null(first.Lifted);
        Assert.True(last.StrikeRemoved);
        Assert.Equal(new Restriction(RestrictionLevel.None, null), last.Lifted);
        Assert.Equal(1, last.ActiveStrikes);
        Assert.Equal("n-1", Assert.Single(last.Standing.Strikes).NoticeId);
    }

    [Fact]
    public void After_a_lifted_suspension_the_next_strike_suspends_again()
    {
        var standing = StrikesOnConsecutiveDays(2);
        var lifted = _ladder.Retract(standing, _cases[1]).Standing;

        var next = _ladder.Record(lifted, "n-9", Guid.NewGuid());

        Assert.Equal(new Restriction(RestrictionLevel.UploadSuspended, _clock.Now.AddDays(7)), next.Restriction);
        Assert.Equal(_clock.Now.AddDays(7), next.Standing.SuspendedUntil);
    }

    [Fact]
    public void A_strike_that_arrives_after_its_case_was_retracted_is_not_applied()
    {
        // The retraction came first (the strike was dead-lettered, then redriven after the restore).
        var standing = StrikesOnConsecutiveDays(1);
        var retracted = _ladder.Retract(standing, _cases[1]).Standing;

        var late = _ladder.Record(retracted, "n-2", _cases[1]);

        Assert.True(late.AlreadyRetracted);
        Assert.Null(late.Restriction);
        Assert.Single(late.Standing.Strikes);
    }

    [Fact]
    public void A_strike_redelivered_after_its_retraction_is_not_applied_again()
    {
        var standing = StrikesOnConsecutiveDays(2);
        var retracted = _ladder.Retract(standing, _cases[1]).Standing;

        var again = _ladder.Record(retracted, "n-2", _cases[1]);

        Assert.True(again.AlreadyRetracted);
        Assert.Null(again.Restriction);
        Assert.Equal(["n-1"], again.Standing.Strikes.Select(s => s.NoticeId));
    }

    [Fact]
    public void A_late_strike_dates_from_its_verdict_so_it_expires_and_its_suspension_ends_when_they_would_have()
    {
        var standing = StrikesOnConsecutiveDays(1);
        var decidedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromDays(3));

        var late = _ladder.Record(standing, "n-2", _cases[1], decidedAt);

        Assert.Equal(decidedAt, late.Standing.Strikes[^1].RecordedAt);
        Assert.Equal(new Restriction(RestrictionLevel.UploadSuspended, decidedAt + TimeSpan.FromDays(7)), late.Restriction);
    }

    [Fact]
    public void A_late_strike_whose_suspension_would_have_ended_warns_and_one_that_would_have_expired_brings_nothing()
    {
        var standing = StrikesOnConsecutiveDays(1);
        var decidedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(RestrictionLevel.Warning, _ladder.Record(standing, "n-2", _cases[1], decidedAt).Restriction?.Level);

        _clock.Advance(TimeSpan.FromDays(90));
        Assert.Null(_ladder.Record(StrikeStanding.Clean, "n-3", _cases[2], decidedAt).Restriction);
    }

    [Fact]
    public void A_verdict_time_in_the_future_is_taken_as_now()
    {
        var now = _clock.GetUtcNow();

        var decision = _ladder.Record(StrikeStanding.Clean, "n-1", _cases[0], now.AddDays(2));

        Assert.Equal(now, decision.Standing.Strikes[0].RecordedAt);
    }
}
