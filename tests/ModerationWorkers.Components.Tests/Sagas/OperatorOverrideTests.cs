using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Notifiers;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Operators' corrections on the record (issue 18): a dismissed strike, a lifted suspension, on the in-memory harness.</summary>
public class OperatorOverrideTests
{
    static DismissStrike Dismissal(Guid caseId, string accountId = "acct-1") =>
        new() { AccountId = accountId, CaseId = caseId, Reason = "Completed the copyright course.", Operator = "ops-ana", IssuedAt = ModerationHarness.Start };

    [Fact]
    public async Task Dismissing_a_strike_lowers_the_restriction_on_the_record_and_only_once()
    {
        await using var h = await ModerationHarness.Create();
        var first = await h.RemovedCase("n-1", "c-1", "acct-1");
        var second = await h.RemovedCase("n-2", "c-2", "acct-1");
        await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);

        await h.Publish(Dismissal(second));
        var dismissed = await h.Published<StrikeDismissed>(m => m.CaseId == second);
        Assert.Equal(("acct-1", "ops-ana", "Completed the copyright course.", 1), (dismissed.AccountId, dismissed.Operator, dismissed.Reason, dismissed.ActiveStrikes));
        var lowered = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.None);
        Assert.Equal((1, second), (lowered.ActiveStrikes, lowered.CaseId));
        Assert.Contains("operator dismissed", lowered.StatementOfReasons!.Facts, StringComparison.Ordinal);

        var accountKey = DeterministicId.ForAccount("acct-1");
        var audit = await h.AuditOf(accountKey, a => a.Any(e => e.Decision == nameof(RestrictionLevel.None)));
        var entry = Assert.Single(audit, e => e.Decision == nameof(StrikeDismissed));
        Assert.Equal("ops-ana", entry.DecidedBy);
        Assert.Contains("Completed the copyright course.", entry.Note, StringComparison.Ordinal);
        Assert.Equal("ops-ana", audit.Single(e => e.Decision == nameof(RestrictionLevel.None)).DecidedBy);

        // The same command again changes nothing; a dismissal never raises: the remaining strike's rung is not republished.
        await h.Publish(Dismissal(second));
        await h.Settle();
        Assert.Single(h.AllPublished<StrikeDismissed>());
        Assert.Empty(h.AllPublished<OverrideRejected>());
        var account = await h.Store.Sagas.Find<AccountStrikesState>(accountKey, CancellationToken.None);
        Assert.Equal([first], account!.Strikes.Select(s => s.CaseId));
        Assert.Equal(2, h.AllPublished<RestrictAccount>().Count(r => r.Level != RestrictionLevel.None));
    }

    [Fact]
    public async Task A_dismissal_without_a_strike_a_reason_or_an_operator_is_refused_with_its_reasons()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(Dismissal(Guid.NewGuid()));
        Assert.Equal([OverrideRejectionReasons.NoSuchStrike], (await h.Published<OverrideRejected>(m => m.CaseId != caseId)).Reasons);
        await h.Publish(Dismissal(caseId) with { Reason = "", Operator = null });
        var refused = await h.Published<OverrideRejected>(m => m.CaseId == caseId);
        Assert.Equal((nameof(DismissStrike), "acct-1"), (refused.Command, refused.SubjectId));
        Assert.Equal([OverrideRejectionReasons.MissingReason, OverrideRejectionReasons.MissingOperator], refused.Reasons);
        await h.Publish(Dismissal(caseId, "acct-unknown"));
        Assert.Equal([OverrideRejectionReasons.NoSuchStrike], (await h.Published<OverrideRejected>(m => m.SubjectId == "acct-unknown")).Reasons);

        await h.Settle();
        Assert.Empty(h.AllPublished<StrikeDismissed>());
        Assert.Single((await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount("acct-1"), CancellationToken.None))!.Strikes);
    }

    [Fact]
    public async Task Lifting_a_suspension_lets_the_notifier_file_again_on_the_record()
    {
        var settings = new Dictionary<string, string?> { ["Policy:Abuse:MinNotices"] = "2", ["Policy:Abuse:WarnAt"] = "0.99" };
        await using var h = await ModerationHarness.Create(settings: settings);
        const string email = "ada@example.org";
        var notifierId = DeterministicId.ForNotifier(email);
        var lift = new LiftNotifierSuspension { NotifierId = notifierId, Reason = "Notices were correct; reviewer error.", Operator = "ops-ben", IssuedAt = h.Clock.GetUtcNow() };

        await h.Publish(lift);
        Assert.Equal([OverrideRejectionReasons.NotSuspended], (await h.Published<OverrideRejected>(m => m.SubjectId == notifierId.ToString())).Reasons);

        for (var i = 1; i <= 2; i++)
        {
            await h.Upload($"c-{i}", "acct-1");
            await h.Stored($"c-{i}");
            await h.File(Notices.ValidCopyright($"c-{i}") with { NoticeId = $"n-{i}" });
            var caseId = DeterministicId.ForCase($"n-{i}", $"c-{i}");
            await h.Published<CaseOpened>(m => m.CaseId == caseId);
            await h.Verdict(caseId, Verdict.NotInfringing);
            await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        }

        await h.Published<NotifierSuspended>(m => m.NotifierId == notifierId);
        await h.Upload("c-3", "acct-1");
        await h.Stored("c-3");
        await h.File(Notices.ValidCopyright("c-3") with { NoticeId = "n-3" });
        Assert.Equal([RejectionReasons.NotifierSuspended], (await h.Published<NoticeRejected>(m => m.NoticeId == "n-3")).Reasons);

        await h.Publish(lift with { IssuedAt = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(1) });
        var lifted = await h.Published<NotifierSuspensionLifted>(m => m.NotifierId == notifierId);
        Assert.Equal(("ops-ben", "Notices were correct; reviewer error."), (lifted.Operator, lifted.Reason));
        var audit = await h.AuditOf(notifierId, a => a.Any(e => e.Decision == NotifierDecisions.SuspensionLifted));
        Assert.Equal("ops-ben", audit.Single(e => e.Decision == NotifierDecisions.SuspensionLifted).DecidedBy);
        var standing = await h.Store.Sagas.Find<NotifierStandingState>(notifierId, CancellationToken.None);
        Assert.Null(standing!.SuspendedUntil);

        await h.File(Notices.ValidCopyright("c-3") with { NoticeId = "n-4" });
        await h.Published<CaseOpened>(m => m.NoticeId == "n-4");

        // Delivered again, the same lift is not answered twice.
        await h.Publish(lift with { IssuedAt = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(1) });
        await h.Settle();
        Assert.Single(h.AllPublished<NotifierSuspensionLifted>());
        Assert.Single(h.AllPublished<OverrideRejected>());
    }
}
