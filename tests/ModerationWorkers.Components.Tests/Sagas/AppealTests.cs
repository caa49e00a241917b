using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Appeals (EU DSA Art. 20), on the in-memory harness.</summary>
public class AppealTests
{
    static AppealFiled Appeal(Guid caseId, string accountId = "acct-1") =>
        new() { CaseId = caseId, AccountId = accountId, Reason = "This is my own recording.", FiledAt = ModerationHarness.Start };

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_appeal_reopens_review_and_a_reversal_restores_the_content_and_retracts_the_strike(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(Appeal(caseId));
        var opened = await h.Published<AppealOpened>(m => m.CaseId == caseId);
        Assert.Equal(("n-1", "c-1", "acct-1", Verdict.Infringing, "This is my own recording."),
            (opened.NoticeId, opened.ContentId, opened.AccountId, opened.OriginalVerdict, opened.Reason));
        await h.WaitForState(caseId, nameof(CaseStateMachine.UnderAppeal));

        await h.Verdict(caseId, Verdict.NotInfringing, "reviewer-9", appeal: true);

        var decided = await h.Published<AppealDecided>(m => m.CaseId == caseId);
        Assert.Equal((AppealOutcome.Reversed, "reviewer-9"), (decided.Outcome, decided.ReviewerId));
        // The notifier can be told, and the appeal's decision carries its reason (DSA Art. 16(5), 20(4)).
        Assert.Equal(("n-1", "checked"), (decided.NoticeId, decided.Reason));
        var restore = await h.Published<RestoreContent>(m => m.CaseId == caseId);
        Assert.Equal(("c-1", "n-1"), (restore.ContentId, restore.NoticeId));
        Assert.Equal("n-1", (await h.Published<CaseClosed>(m => m.CaseId == caseId)).NoticeId);
        var restored = await h.WaitForState(caseId, nameof(CaseStateMachine.Restored));
        Assert.Equal(AppealOutcome.Reversed, restored.AppealOutcome);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        AccountStrikesState? account;
        while ((account = await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount("acct-1"), CancellationToken.None))!.Strikes.Count != 0
               && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Empty(account.Strikes);

        var audit = await h.Store.Audit.Read(caseId, CancellationToken.None);
        Assert.Equal([nameof(CaseStateMachine.AwaitingVerdict), nameof(CaseStateMachine.Closed), nameof(CaseStateMachine.UnderAppeal), nameof(CaseStateMachine.Restored)], audit.Select(a => a.ToState));
        Assert.Equal("reviewer-9", audit[^1].DecidedBy);
    }

    [Fact]
    public async Task An_upheld_appeal_closes_the_case_again_and_a_second_appeal_is_refused()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Publish(Appeal(caseId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.UnderAppeal));

        // A plain verdict cannot decide an appeal; only one marked appeal: true can.
        await h.Verdict(caseId, Verdict.NotInfringing, "reviewer-9");
        await h.Verdict(caseId, Verdict.Infringing, "reviewer-9", appeal: true);

        var decided = await h.Published<AppealDecided>(m => m.CaseId == caseId);
        Assert.Equal(AppealOutcome.Upheld, decided.Outcome);
        await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));

        // A second filing is refused (the first one delivered again, under its message id, was answered already).
        await h.Publish(Appeal(caseId));
        var rejected = await h.Published<AppealRejected>(m => m.CaseId == caseId);
        Assert.Equal([AppealRejectionReasons.AlreadyAppealed], rejected.Reasons);
        await h.Settle();
        Assert.Empty(h.AllPublished<RestoreContent>());
        Assert.Single(h.AllPublished<AppealOpened>());
    }

    [Fact]
    public async Task An_appeal_after_the_window_or_from_another_account_is_refused()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(Appeal(caseId, "acct-2") with { Reason = "" });
        Assert.Equal([AppealRejectionReasons.MissingReason, AppealRejectionReasons.NotAccountHolder],
            (await h.Published<AppealRejected>(m => m.CaseId == caseId)).Reasons);

        h.Clock.Advance(TimeSpan.FromDays(180) + TimeSpan.FromSeconds(1));
        await h.Publish(Appeal(caseId));
        await h.Published<AppealRejected>(m => m.CaseId == caseId && m.Reasons.Contains(AppealRejectionReasons.WindowClosed));
        Assert.Equal(nameof(CaseStateMachine.Closed), (await h.Case(caseId))!.CurrentState);
        Assert.Empty(h.AllPublished<AppealOpened>());
    }

    [Fact]
    public async Task An_appeal_verdict_for_a_case_not_under_appeal_is_ignored()
    {
        await using var h = await ModerationHarness.Create();
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        await h.File(Notices.ValidCopyright("c-1"));
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.Published<CaseOpened>(m => m.CaseId == caseId);

        await h.Verdict(caseId, Verdict.Infringing, appeal: true);
        await h.Settle();

        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), (await h.Case(caseId))!.CurrentState);
        Assert.Empty(h.AllPublished<RemoveContent>());
    }
}
