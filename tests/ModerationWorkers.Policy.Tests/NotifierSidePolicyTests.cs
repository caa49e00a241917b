using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

/// <summary>The pure rules behind issue 18: complaints, retractions, dismissed strikes, lifted suspensions, next remedies.</summary>
public class NotifierSidePolicyTests
{
    static readonly DateTimeOffset DecidedAt = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    static readonly Guid Notifier = DeterministicId.ForNotifier("ada@example.org");

    static readonly RedressFacts NoAction = new("acct-1", ContentRemoved: false, DecidedAt, CounterNoticeFiled: false, Appealed: false, RedressPending: false)
    {
        NotifierId = Notifier,
        NoActionDecided = true,
    };

    static readonly NoticeComplaintFiled Complaint = new() { CaseId = Guid.NewGuid(), NotifierEmail = " Ada@Example.org ", Reason = "It is our album." };

    readonly RedressPolicy _redress = new(new PolicyOptions());

    [Fact]
    public void The_notifier_may_complain_about_a_decision_not_to_act_until_the_appeal_window_closes()
    {
        Assert.True(_redress.CheckComplaint(Complaint, NoAction, DecidedAt.AddDays(180)).IsValid);
        Assert.Equal([NoticeComplaintRejectionReasons.WindowClosed], _redress.CheckComplaint(Complaint, NoAction, DecidedAt.AddDays(180).AddTicks(1)).Reasons);
    }

    [Fact]
    public void Every_reason_a_complaint_fails_is_named()
    {
        var removed = NoAction with { ContentRemoved = true, NoActionDecided = false, Complained = true };
        var complaint = Complaint with { NotifierEmail = "mallory@example.org", Reason = null };
        Assert.Equal(
            [NoticeComplaintRejectionReasons.MissingReason, NoticeComplaintRejectionReasons.NotNotifier, NoticeComplaintRejectionReasons.NotNoActionDecision,
             NoticeComplaintRejectionReasons.AlreadyComplained],
            _redress.CheckComplaint(complaint, removed, DecidedAt).Reasons);
        // A stay-down case has no notifier: nobody matches it.
        Assert.Equal([NoticeComplaintRejectionReasons.NotNotifier], _redress.CheckComplaint(Complaint, NoAction with { NotifierId = null }, DecidedAt).Reasons);
    }

    [Fact]
    public void Only_the_notices_own_notifier_may_retract_an_accepted_notice()
    {
        var retraction = new NoticeRetracted { NoticeId = "n-1", NotifierEmail = "ada@example.org" };
        Assert.True(RedressPolicy.CheckRetraction(retraction, noticeKnown: true, noticeAccepted: true, Notifier).IsValid);
        Assert.Equal([NoticeRetractionRejectionReasons.UnknownNotice], RedressPolicy.CheckRetraction(retraction, false, false, null).Reasons);
        Assert.Equal([NoticeRetractionRejectionReasons.NotNotifier],
            RedressPolicy.CheckRetraction(retraction with { NotifierEmail = null }, true, true, Notifier).Reasons);
        Assert.Equal([NoticeRetractionRejectionReasons.NotNotifier, NoticeRetractionRejectionReasons.NoticeNotAccepted],
            RedressPolicy.CheckRetraction(retraction, true, false, null).Reasons);
    }

    [Fact]
    public void Dismissing_a_strike_removes_it_with_all_its_cases_and_lowers_but_never_raises_the_restriction()
    {
        var clock = new FakeClock(DecidedAt);
        var ladder = new StrikeLadder(new PolicyOptions(), clock);
        var (first, second, sameNotice) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var standing = ladder.Record(StrikeStanding.Clean, "n-1", first).Standing;
        standing = ladder.Record(standing, "n-2", second).Standing;
        standing = ladder.Record(standing, "n-2", sameNotice).Standing;
        Assert.NotNull(standing.SuspendedUntil);

        var dismissal = ladder.Dismiss(standing, sameNotice);
        Assert.True(dismissal.Found && dismissal.StrikeRemoved);
        Assert.Equal([first], dismissal.Standing.Strikes.Select(s => s.CaseId));
        Assert.Equal(RestrictionLevel.None, dismissal.Lifted!.Level);
        Assert.Null(dismissal.Standing.SuspendedUntil);
        // The notice's other case cannot bring the strike back.
        Assert.True(ladder.Record(dismissal.Standing, "n-2", second).AlreadyRetracted);

        // A warning is not in force, so dismissing the last strike publishes no rung; an unknown case changes nothing.
        var last = ladder.Dismiss(dismissal.Standing, first);
        Assert.Null(last.Lifted);
        Assert.Empty(last.Standing.Strikes);
        var unknown = ladder.Dismiss(last.Standing, Guid.NewGuid());
        Assert.False(unknown.Found);
        Assert.Same(last.Standing, unknown.Standing);
    }

    [Fact]
    public void Lifting_a_suspension_is_a_fresh_start_and_needs_a_suspension()
    {
        var clock = new FakeClock(DecidedAt);
        var abuse = new NoticeAbusePolicy(new PolicyOptions(), clock);
        var suspended = new NotifierStanding([new NoticeOutcome("n-1", DecidedAt, Unfounded: true)], DecidedAt.AddDays(30), Warned: true)
        {
            RecentCases = [Guid.Empty],
        };

        var lifted = abuse.Lift(suspended)!;
        Assert.Equal((null, false, 0), (lifted.SuspendedUntil, lifted.Warned, lifted.Outcomes.Count));
        Assert.Equal([Guid.Empty], lifted.RecentCases);
        Assert.Null(abuse.Lift(lifted));
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Null(abuse.Lift(suspended));
    }

    [Theory]
    [InlineData(AppealOutcome.Upheld, Complainant.Uploader, "the removal stands")]
    [InlineData(AppealOutcome.Reversed, Complainant.Notifier, "the decision not to act was reversed")]
    public void The_decision_on_a_complaint_gives_the_reason_and_names_the_next_remedies(AppealOutcome outcome, Complainant complainant, string decided)
    {
        var statement = new StatementsOfReasons(new PolicyOptions()).ForAppealDecision(outcome, complainant, Guid.Empty, ClaimType.Copyright, " a cover ", false);
        Assert.Contains(decided, statement.Facts, StringComparison.Ordinal);
        Assert.EndsWith("Reviewer's reason: a cover", statement.Facts, StringComparison.Ordinal);
        Assert.Equal([RedressKind.OutOfCourtDispute, RedressKind.JudicialRedress], statement.Redress.Select(r => r.Kind));
        Assert.Contains("Art. 21", statement.Redress[0].How, StringComparison.Ordinal);
    }
}
