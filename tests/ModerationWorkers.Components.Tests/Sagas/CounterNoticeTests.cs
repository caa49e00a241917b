using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Counter-notice, legal action and restore (DMCA §512(g)), on the in-memory harness.</summary>
public class CounterNoticeTests
{
    // ModerationHarness.Start is Monday 2026-11-02 09:00 UTC: ten business days later, skipping Veterans Day (Wednesday
    // 11 November), is Tuesday 2026-11-17 09:00.
    internal static readonly DateTimeOffset RestoreAt = new(2026, 11, 17, 9, 0, 0, TimeSpan.Zero);

    internal static CounterNoticeFiled CounterNotice(Guid caseId, string accountId = "acct-1") => new()
    {
        CaseId = caseId,
        AccountId = accountId,
        Statement = "I have a licence for this recording.",
        Signature = "Uma Uploader",
        ConsentToJurisdiction = true,
        Contact = new Contact { Name = "Uma Uploader", Email = "uma@example.net", Address = "1 Main St, Springfield", Phone = "+1 555 010 0199" },
        FiledAt = ModerationHarness.Start,
    };

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_valid_counter_notice_restores_the_content_after_ten_business_days_and_retracts_the_strike(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Published<RestrictAccount>(m => m.AccountId == "acct-1");

        await h.Publish(CounterNotice(caseId));

        var received = await h.Published<CounterNoticeReceived>(m => m.CaseId == caseId);
        Assert.Equal(("n-1", "c-1", "acct-1", RestoreAt), (received.NoticeId, received.ContentId, received.AccountId, received.RestoreAfter));
        Assert.Equal("uma@example.net", received.Contact.Email);
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingRestore));

        h.Clock.Set(RestoreAt.AddMinutes(-1));
        Assert.Equal(0, await h.FireDueTimers());

        h.Clock.Set(RestoreAt);
        Assert.Equal(1, await h.FireDueTimers());
        var restore = await h.Published<RestoreContent>(m => m.CaseId == caseId);
        Assert.Equal(DeterministicId.ForCommand(nameof(RestoreContent), caseId.ToString()), restore.CommandId);
        Assert.Equal(("c-1", "acct-1"), (restore.ContentId, restore.AccountId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.Restored));

        var account = await WaitForStrikes(h, "acct-1", 0);
        Assert.Empty(account.Strikes);
        await h.Settle();
        // Only a warning had been given, and a warning restricts nothing: no restriction is lifted.
        Assert.DoesNotContain(h.AllPublished<RestrictAccount>(), m => m.Level == RestrictionLevel.None);
        Assert.Empty(await h.Store.Fingerprints.Match(["fp-c-1"], CancellationToken.None));
    }

    [Fact]
    public async Task Restoring_the_case_behind_a_suspension_publishes_the_lifted_restriction_with_level_None()
    {
        // The suspension must outlast the ten business days before the restore, or there is nothing left to lift.
        await using var h = await ModerationHarness.Create(settings: new Dictionary<string, string?> { ["Policy:UploadSuspension"] = "30.00:00:00" });
        await h.RemovedCase("n-1", "c-1", "acct-1");
        var second = await h.RemovedCase("n-2", "c-2", "acct-1");
        var suspension = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);
        Assert.Equal(second, suspension.CaseId);

        await h.Publish(CounterNotice(second));
        await h.WaitForState(second, nameof(CaseStateMachine.AwaitingRestore));
        h.Clock.Set(RestoreAt);
        await h.FireDueTimers();

        var lifted = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.None);
        Assert.Equal(("acct-1", 1, second, (DateTimeOffset?)null), (lifted.AccountId, lifted.ActiveStrikes, lifted.CaseId, lifted.Until));
        Assert.NotNull(lifted.StatementOfReasons);
        Assert.Equal("4", lifted.StatementOfReasons!.Ground.PolicyClause);
        Assert.True(lifted.StatementOfReasons.AutomatedDecision);
        var account = await WaitForStrikes(h, "acct-1", 1);
        Assert.Null(account.SuspendedUntil);
        Assert.Equal(RestrictionLevel.None, account.Restrictions[^1].Level);
    }

    [Fact]
    public async Task Legal_action_before_the_restore_keeps_the_content_down()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Publish(CounterNotice(caseId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingRestore));

        await h.Publish(new LegalActionFiled { CaseId = caseId, CourtReference = "1:26-cv-01234", FiledAt = h.Clock.GetUtcNow() });
        var held = await h.WaitForState(caseId, nameof(CaseStateMachine.LegalHold));

        h.Clock.Set(RestoreAt.AddDays(30));
        Assert.Equal(0, await h.FireDueTimers());
        await h.Settle();
        Assert.Empty(h.AllPublished<RestoreContent>());
        Assert.Null(held.TimerDueAt);
        Assert.Equal(nameof(CaseStateMachine.LegalHold), (await h.Case(caseId))!.CurrentState);
    }

    [Fact]
    public async Task An_incomplete_counter_notice_is_rejected_with_every_reason_and_changes_nothing()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(CounterNotice(caseId, accountId: "acct-other") with { Signature = " ", ConsentToJurisdiction = false });

        var rejected = await h.Published<CounterNoticeRejected>(m => m.CaseId == caseId);
        Assert.Equal(
            [CounterNoticeRejectionReasons.MissingSignature, CounterNoticeRejectionReasons.MissingConsentToJurisdiction, CounterNoticeRejectionReasons.NotAccountHolder],
            rejected.Reasons);
        Assert.Equal(nameof(CaseStateMachine.Closed), (await h.Case(caseId))!.CurrentState);
        Assert.Empty(h.AllPublished<CounterNoticeReceived>());
    }

    [Fact]
    public async Task A_counter_notice_for_an_unknown_case_or_content_that_stayed_up_is_rejected()
    {
        await using var h = await ModerationHarness.Create();
        var unknown = Guid.NewGuid();
        await h.Upload("c-9", "acct-9");
        await h.Stored("c-9");
        await h.File(Notices.ValidCopyright("c-9") with { NoticeId = "n-9" });
        var keptUp = DeterministicId.ForCase("n-9", "c-9");
        await h.Published<CaseOpened>(m => m.CaseId == keptUp);
        await h.Verdict(keptUp, Verdict.NotInfringing);
        await h.WaitForState(keptUp, nameof(CaseStateMachine.Closed));

        await h.Publish(CounterNotice(unknown));
        await h.Publish(CounterNotice(keptUp, "acct-9"));

        Assert.Equal([CounterNoticeRejectionReasons.UnknownCase], (await h.Published<CounterNoticeRejected>(m => m.CaseId == unknown)).Reasons);
        Assert.Equal([CounterNoticeRejectionReasons.ContentNotRemoved], (await h.Published<CounterNoticeRejected>(m => m.CaseId == keptUp)).Reasons);
    }

    static async Task<AccountStrikesState> WaitForStrikes(ModerationHarness h, string accountId, int strikes)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var account = await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount(accountId), CancellationToken.None);
            if (account is not null && account.Strikes.Count == strikes && account.Outbox.Count == 0)
                return account;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"account {accountId} did not reach {strikes} strike(s) within 20 s");
            await Task.Delay(20);
        }
    }
}
