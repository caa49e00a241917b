using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class StrikeLadderTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    readonly FakeClock _clock = new(Start);
    readonly StrikeLadder _ladder;

    public StrikeLadderTests() => _ladder = new StrikeLadder(new PolicyOptions(), _clock);

    [Fact]
    public void The_ladder_climbs_warning_suspension_ban()
    {
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        var second = _ladder.Record(first.Standing, "n-2", Guid.NewGuid());
        var third = _ladder.Record(second.Standing, "n-3", Guid.NewGuid());

        Assert.Equal(new Restriction(RestrictionLevel.Warning, null), first.Restriction);
        Assert.Equal(1, first.ActiveStrikes);
        Assert.Equal(new Restriction(RestrictionLevel.UploadSuspended, Start.AddDays(7)), second.Restriction);
        Assert.Equal(2, second.ActiveStrikes);
        Assert.Equal(new Restriction(RestrictionLevel.PermanentBan, null), third.Restriction);
        Assert.Equal(3, third.ActiveStrikes);
        Assert.True(third.Standing.PermanentlyBanned);
    }

    [Fact]
    public void After_a_ban_strikes_are_recorded_but_nothing_more_is_published()
    {
        var standing = StrikeStanding.Clean;
        foreach (var notice in new[] { "n-1", "n-2", "n-3" })
            standing = _ladder.Record(standing, notice, Guid.NewGuid()).Standing;

        var fourth = _ladder.Record(standing, "n-4", Guid.NewGuid());

        Assert.Null(fourth.Restriction);
        Assert.False(fourth.IsDuplicate);
        Assert.Equal(4, fourth.ActiveStrikes);
        Assert.True(fourth.Standing.PermanentlyBanned);
    }

    [Fact]
    public void A_notice_gives_one_strike_however_many_items_it_removes()
    {
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        var sameNotice = _ladder.Record(first.Standing, "n-1", Guid.NewGuid());

        Assert.True(sameNotice.IsDuplicate);
        Assert.Null(sameNotice.Restriction);
        Assert.Single(sameNotice.Standing.Strikes);
        Assert.Equal(1, sameNotice.ActiveStrikes);
    }

    [Fact]
    public void Strikes_expire_after_their_lifetime_and_the_ladder_restarts()
    {
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        _clock.Advance(TimeSpan.FromDays(90));

        var later = _ladder.Record(first.Standing, "n-2", Guid.NewGuid());

        Assert.Equal(1, later.ActiveStrikes);
        Assert.Equal(RestrictionLevel.Warning, later.Restriction!.Level);
        Assert.Equal(2, later.Standing.Strikes.Count);
    }

    [Fact]
    public void A_strike_still_counts_just_before_it_expires()
    {
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        _clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));

        var second = _ladder.Record(first.Standing, "n-2", Guid.NewGuid());

        Assert.Equal(2, second.ActiveStrikes);
        Assert.Equal(RestrictionLevel.UploadSuspended, second.Restriction!.Level);
    }

    [Fact]
    public void Durations_come_from_options()
    {
        var ladder = new StrikeLadder(new PolicyOptions { StrikeLifetime = TimeSpan.FromDays(1), UploadSuspension = TimeSpan.FromHours(2) }, _clock);
        var first = ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        var second = ladder.Record(first.Standing, "n-2", Guid.NewGuid());
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(Start.AddHours(2), second.Restriction!.Until);
        Assert.Equal(0, ladder.ActiveStrikes(second.Standing));
    }

    [Fact]
    public void A_second_case_of_the_same_notice_is_covered_by_the_one_strike()
    {
        var case1 = Guid.NewGuid();
        var case2 = Guid.NewGuid();
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", case1);

        var second = _ladder.Record(first.Standing, "n-1", case2);

        Assert.True(second.IsDuplicate);
        Assert.Null(second.Restriction);
        Assert.Equal(1, second.ActiveStrikes);
        var strike = Assert.Single(second.Standing.Strikes);
        Assert.Equal(case1, strike.CaseId);
        Assert.Equal([case2], strike.OtherCases);
        Assert.Equal(Start, strike.RecordedAt);
    }

    [Fact]
    public void A_case_the_strike_already_covers_leaves_the_standing_unchanged()
    {
        var case1 = Guid.NewGuid();
        var case2 = Guid.NewGuid();
        var standing = _ladder.Record(_ladder.Record(StrikeStanding.Clean, "n-1", case1).Standing, "n-1", case2).Standing;

        var again = _ladder.Record(standing, "n-1", case2);
        var original = _ladder.Record(standing, "n-1", case1);

        Assert.True(again.IsDuplicate);
        Assert.Same(standing, again.Standing);
        Assert.True(original.IsDuplicate);
        Assert.Same(standing, original.Standing);
    }

    [Fact]
    public void A_suspension_is_remembered_in_the_standing()
    {
        var first = _ladder.Record(StrikeStanding.Clean, "n-1", Guid.NewGuid());
        var second = _ladder.Record(first.Standing, "n-2", Guid.NewGuid());

        Assert.Null(first.Standing.SuspendedUntil);
        Assert.Equal(Start.AddDays(7), second.Standing.SuspendedUntil);
        Assert.False(second.Standing.PermanentlyBanned);
    }

    [Fact]
    public void A_warning_or_a_ban_keeps_the_last_suspension_date()
    {
        var standing = StrikeStanding.Clean;
        foreach (var notice in new[] { "n-1", "n-2" })
            standing = _ladder.Record(standing, notice, Guid.NewGuid()).Standing;
        _clock.Advance(TimeSpan.FromDays(1));

        var ban = _ladder.Record(standing, "n-3", Guid.NewGuid());

        Assert.True(ban.Standing.PermanentlyBanned);
        Assert.Equal(Start.AddDays(7), ban.Standing.SuspendedUntil);
    }
}
