using System.Text.Json;
using MassTransit;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Components.Tests.Storage;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Decisions beyond the happy path that must be neither lost nor invented (issue 14), on the in-memory harness.</summary>
public class ExactDecisionsTests
{
    static readonly CancellationToken None = CancellationToken.None;

    static async Task<AccountStrikesState> Account(ModerationHarness h, string accountId, Func<AccountStrikesState, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount(accountId), None) is { Outbox.Count: 0 } account && ready(account))
                return account;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"account {accountId} was not as expected within 20 s");
            await Task.Delay(20);
        }
    }

    static async Task Recorded(ModerationHarness h, string noticeId, bool accepted = false)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await h.Store.Notices.Find(noticeId, None))?.Accepted != accepted)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"notice {noticeId} was not recorded within 20 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_second_suspension_after_a_lifted_one_for_the_same_notice_has_its_own_command_id()
    {
        await using var h = await ModerationHarness.Create();
        await h.RemovedCase("n-0", "c-0", "acct-1");
        await h.Upload("c-1", "acct-1");
        await h.Upload("c-2", "acct-1");
        await h.Stored("c-2");
        await h.File(Notices.ValidCopyright("c-1", "c-2") with { NoticeId = "n-1" });
        Guid c1 = DeterministicId.ForCase("n-1", "c-1"), c2 = DeterministicId.ForCase("n-1", "c-2");
        await h.Published<CaseOpened>(m => m.CaseId == c2);

        await h.Verdict(c1, Verdict.Infringing);
        var first = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);
        await h.WaitForState(c1, nameof(CaseStateMachine.Closed));
        await h.Publish(new AppealFiled { CaseId = c1, AccountId = "acct-1", Reason = "I hold a licence.", FiledAt = h.Clock.GetUtcNow() });
        await h.WaitForState(c1, nameof(CaseStateMachine.UnderAppeal));
        await h.Verdict(c1, Verdict.NotInfringing, appeal: true);
        await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.None);
        await h.WaitForState(c1, nameof(CaseStateMachine.Restored));

        await h.Verdict(c2, Verdict.Infringing);
        var second = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended && m.CaseId == c2);

        // Downstream services deduplicate on commandId: the second suspension must not look like the first.
        Assert.NotEqual(first.CommandId, second.CommandId);
        await h.Settle();
        var commandIds = h.AllPublished<RestrictAccount>().Select(m => m.CommandId)
            .Concat(h.AllPublished<RemoveContent>().Select(m => m.CommandId))
            .Concat(h.AllPublished<RestoreContent>().Select(m => m.CommandId)).ToList();
        Assert.Equal(8, commandIds.Count); // 3 removals and 1 restore; a warning, a suspension, its lifting, a suspension
        Assert.Equal(commandIds.Count, commandIds.Distinct().Count());
        var account = await Account(h, "acct-1", a => a.Restrictions.Count == 4);
        Assert.Equal(account.Restrictions.Select(r => r.CommandId).Order(), h.AllPublished<RestrictAccount>().Select(m => m.CommandId).Order());
    }

    [Fact]
    public async Task The_accepted_counter_notice_delivered_again_is_answered_once_and_a_second_one_is_still_rejected()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        var filing = CounterNoticeTests.CounterNotice(caseId);

        var messageId = Guid.NewGuid();

        await h.Harness.Bus.Publish(filing, send => send.MessageId = messageId);
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingRestore));
        // A broker redelivery, or the publisher's retry: the same message id and body.
        await h.Harness.Bus.Publish(filing, send => send.MessageId = messageId);
        // The harness records one consumption per message id, so wait for the case's copy of the second delivery.
        await h.Consumed<CounterNoticeFiled>(3);
        await h.Settle();

        Assert.Single(h.AllPublished<CounterNoticeReceived>());
        Assert.Empty(h.AllPublished<CounterNoticeRejected>());

        // The same text under a message id of its own is a second filing, and so is a changed one: both refused.
        await h.Publish(filing);
        await h.Publish(filing with { FiledAt = filing.FiledAt.AddMinutes(5) });
        await h.Consumed<CounterNoticeFiled>(7);
        await h.Settle();
        Assert.Equal(2, h.AllPublished<CounterNoticeRejected>().Count(m => m.Reasons.SequenceEqual([CounterNoticeRejectionReasons.AlreadyFiled])));
        Assert.Single(h.AllPublished<CounterNoticeReceived>());
    }

    [Fact]
    public async Task The_accepted_appeal_delivered_again_is_answered_once_and_a_second_one_is_still_rejected()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        var appeal = new AppealFiled { CaseId = caseId, AccountId = "acct-1", Reason = "It is a parody.", FiledAt = h.Clock.GetUtcNow() };

        var messageId = Guid.NewGuid();
        await h.Harness.Bus.Publish(appeal, (PublishContext<AppealFiled> send) => send.MessageId = messageId);
        await h.WaitForState(caseId, nameof(CaseStateMachine.UnderAppeal));
        await h.Harness.Bus.Publish(appeal, (PublishContext<AppealFiled> send) => send.MessageId = messageId);
        await h.Consumed<AppealFiled>(3); // one consumption per message id: the case's copy of the second delivery
        await h.Settle();

        Assert.Single(h.AllPublished<AppealOpened>());
        Assert.Empty(h.AllPublished<AppealRejected>());

        await h.Publish(appeal with { Reason = "Fair use, too." });
        var rejected = await h.Published<AppealRejected>(m => m.CaseId == caseId);
        Assert.Equal([AppealRejectionReasons.AlreadyAppealed], rejected.Reasons);
    }

    [Fact]
    public async Task A_strike_that_arrives_after_its_case_was_restored_is_not_applied_and_a_late_one_dates_from_its_verdict()
    {
        await using var h = await ModerationHarness.Create();
        var account = DeterministicId.ForAccount("acct-1");
        var strikes = await h.Harness.Bus.GetSendEndpoint(QueueNames.Address(QueueNames.AccountStrikes));
        Guid restored = Guid.NewGuid(), late = Guid.NewGuid();
        var decidedAt = h.Clock.GetUtcNow();
        h.Clock.Advance(TimeSpan.FromDays(3));

        // The case was restored while its strike sat in account-strikes_error; then an operator redrives the strike.
        await strikes.Send(new RetractStrike { AccountKey = account, AccountId = "acct-1", CaseId = restored });
        await Account(h, "acct-1", a => a.RetractedCases.Contains(restored));
        await strikes.Send(new RecordStrike { AccountKey = account, AccountId = "acct-1", NoticeId = "n-1", CaseId = restored, DecidedAt = decidedAt });
        await h.Consumed<RecordStrike>(1);
        await h.Settle();

        Assert.Empty(h.AllPublished<RestrictAccount>());
        Assert.Empty((await Account(h, "acct-1", _ => true)).Strikes);

        // A strike that was only late counts from its verdict, not from its arrival.
        await strikes.Send(new RecordStrike { AccountKey = account, AccountId = "acct-1", NoticeId = "n-2", CaseId = late, DecidedAt = decidedAt });
        var warning = await h.Published<RestrictAccount>(m => m.CaseId == late);
        Assert.Equal(RestrictionLevel.Warning, warning.Level);
        Assert.Equal(decidedAt, Assert.Single((await Account(h, "acct-1", a => a.Strikes.Count == 1)).Strikes).RecordedAt);
    }

    [Fact]
    public async Task A_removal_that_loses_a_race_to_another_replica_leaves_the_stay_down_bank_unchanged()
    {
        RacingStore racing = null!;
        await using var h = await ModerationHarness.Create(wrapStore: store => racing = new RacingStore(store));
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        await h.File(Notices.ValidCopyright("c-1"));
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingVerdict));

        // Another replica commits a NotInfringing decision just before this one's Infringing write.
        var raced = false;
        racing.RacingSagas.BeforeUpdate = async (inner, kind, document) =>
        {
            if (raced || kind != SagaKinds.Cases || document.Id != caseId || document.State != nameof(CaseStateMachine.Closed))
                return;
            raced = true;
            var current = (await inner.Load(kind, caseId, None))!;
            var other = SagaDocumentSerializer.FromDocument<CaseState>(current);
            other.CurrentState = nameof(CaseStateMachine.Closed);
            other.Verdict = Verdict.NotInfringing;
            other.Outcome = CaseOutcome.NoInfringementFound;
            other.ClosedAt = h.Clock.GetUtcNow();
            Assert.True(await inner.TryUpdate(kind, SagaDocumentSerializer.ToDocument(other, current.Version + 1), current.Version, None));
        };
        await h.Verdict(caseId, Verdict.Infringing);

        await h.Consumed<VerdictReached>(1);
        await h.Settle();
        Assert.True(raced);
        Assert.Equal(CaseOutcome.NoInfringementFound, (await h.Case(caseId))!.Outcome);
        Assert.Empty(h.AllPublished<RemoveContent>());
        Assert.Empty(await h.Store.Fingerprints.Match(["fp-c-1"], None));
    }

    [Fact]
    public async Task A_restore_takes_only_its_own_entry_out_of_the_bank_so_a_removed_copy_keeps_the_fingerprint_banked()
    {
        await using var h = await ModerationHarness.Create();
        var original = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Publish(new ContentUploaded { ContentId = "c-2", AccountId = "acct-2", UploadedAt = h.Clock.GetUtcNow(), Fingerprint = "fp-c-1" });
        var copy = (await h.Published<CaseOpened>(m => m.ContentId == "c-2")).CaseId;
        await h.Verdict(copy, Verdict.Infringing);
        await h.WaitForState(copy, nameof(CaseStateMachine.Closed));

        await h.Publish(new AppealFiled { CaseId = original, AccountId = "acct-1", Reason = "Licensed.", FiledAt = h.Clock.GetUtcNow() });
        await h.WaitForState(original, nameof(CaseStateMachine.UnderAppeal));
        await h.Verdict(original, Verdict.NotInfringing, appeal: true);
        await h.WaitForState(original, nameof(CaseStateMachine.Restored));

        // The copy's removal stands on its own verdict, so the fingerprint stays banked under the copy's case.
        Assert.Equal([copy], (await h.Store.Fingerprints.Match(["fp-c-1"], None)).Select(f => f.CaseId));
        Assert.Equal(nameof(CaseStateMachine.Closed), (await h.Case(copy))!.CurrentState);
        Assert.DoesNotContain(h.AllPublished<RestoreContent>(), m => m.CaseId == copy);
        await h.Publish(new ContentUploaded { ContentId = "c-3", AccountId = "acct-3", UploadedAt = h.Clock.GetUtcNow(), Fingerprint = "fp-c-1" });
        Assert.Equal(copy, (await h.Published<CaseOpened>(m => m.ContentId == "c-3")).MatchedCaseId);
    }

    [Fact]
    public async Task A_rejected_notice_filed_again_corrected_is_processed_and_nothing_is_answered_with_silence()
    {
        await using var h = await ModerationHarness.Create();
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        var incomplete = Notices.ValidCopyright("c-1") with { Signature = null };

        await h.File(incomplete);
        await h.Published<NoticeRejected>(m => m.NoticeId == "n-1");
        await Recorded(h, "n-1");
        await h.File(incomplete); // a redelivery: answered once
        await h.Consumed<NoticeFiled>(2);
        await h.Settle();
        Assert.Equal([RejectionReasons.MissingSignature], Assert.Single(h.AllPublished<NoticeRejected>()).Reasons);

        await h.File(Notices.ValidCopyright("c-1"));
        var opened = await h.Published<CaseOpened>(m => m.NoticeId == "n-1");
        Assert.Equal(DeterministicId.ForCase("n-1", "c-1"), opened.CaseId);
        Assert.True((await h.Store.Notices.Find("n-1", None))!.Accepted);

        // The accepted notice again is a duplicate; another filing under its id is told why it is not processed.
        await Recorded(h, "n-1", accepted: true);
        await h.File(Notices.ValidCopyright("c-1"));
        await h.File(Notices.ValidCopyright("c-1", "c-9"));
        var reused = await h.Published<NoticeRejected>(m => m.Reasons.Contains(RejectionReasons.NoticeIdInUse));
        Assert.Null(reused.ContentId);
        await h.Settle();
        Assert.Single(h.AllPublished<CaseOpened>());
        Assert.Equal(["c-1"], (await h.Store.Notices.Find("n-1", None))!.ContentIds);
    }

    [Fact]
    public async Task Timers_whose_message_keeps_failing_back_off_and_do_not_hold_back_the_ones_due_after_them()
    {
        // Only the timers role runs, so nothing consumes CaseTimerElapsed: every timer sent stays pending, like a failing one.
        // The dispatcher's own poll is set an hour apart, so only the test's passes run (its first found nothing yet).
        await using var h = await ModerationHarness.Create(roles: new HashSet<string> { WorkerRole.Timers },
            settings: new Dictionary<string, string?> { ["Workers:TimerPollInterval"] = "01:00:00" });
        var kind = SagaKinds.Cases;
        var now = h.Clock.GetUtcNow();
        var stuck = Enumerable.Range(0, 600).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in stuck.Select((id, i) => (id, i)))
            await h.Store.Sagas.TryInsert(kind, new SagaDocument(id, 1, nameof(CaseStateMachine.AwaitingContent), now.AddHours(-2).AddSeconds(i), "{}"), None);
        var fresh = Guid.NewGuid();
        await h.Store.Sagas.TryInsert(kind, new SagaDocument(fresh, 1, nameof(CaseStateMachine.AwaitingContent), now.AddMinutes(-1), "{}"), None);

        Assert.Equal(500, await h.FireDueTimers());   // the earliest 500, at most per pass
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(101, await h.FireDueTimers());   // the 500 wait their backoff; the pass walks on to the rest
        await h.Settle();
        Assert.Single(h.Harness.Sent.Select<CaseTimerElapsed>(m => m.Context.Message.CaseId == fresh));

        h.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(500, await h.FireDueTimers());   // 30 s on, the first 500 are sent again
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(101, await h.FireDueTimers());
        var dispatcher = h.Dispatcher;
        Assert.Equal(601, dispatcher.Retrying);
        h.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, await h.FireDueTimers());     // then the wait doubles to 60 s
        h.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(500, await h.FireDueTimers());
    }

    [Fact]
    public void Timers_back_off_from_thirty_seconds_doubling_to_fifteen_minutes()
    {
        Assert.Equal(
            [30, 60, 120, 240, 480, 900, 900],
            new[] { 1, 2, 3, 4, 5, 6, 20 }.Select(n => (int)TimerDispatcher.ResendAfter(n).TotalSeconds));
    }

    static LegalActionFiled LegalAction(Guid caseId, string? courtReference = "1:26-cv-01234") =>
        new() { CaseId = caseId, CourtReference = courtReference, FiledAt = ModerationHarness.Start };

    async Task<Guid> AwaitingRestore(ModerationHarness h)
    {
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Publish(CounterNoticeTests.CounterNotice(caseId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingRestore));
        return caseId;
    }

    [Fact]
    public async Task A_legal_action_after_the_restore_time_is_rejected_even_before_the_timer_fires_and_the_restore_goes_ahead()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await AwaitingRestore(h);
        h.Clock.Set(CounterNoticeTests.RestoreAt.AddMinutes(1));

        await h.Publish(LegalAction(caseId));

        var rejected = await h.Published<LegalActionRejected>(m => m.CaseId == caseId);
        Assert.Equal([LegalActionRejectionReasons.DeadlinePassed], rejected.Reasons);
        Assert.Equal("1:26-cv-01234", rejected.CourtReference);
        Assert.Equal(1, await h.FireDueTimers());
        await h.WaitForState(caseId, nameof(CaseStateMachine.Restored));
        await h.Published<RestoreContent>(m => m.CaseId == caseId);
        // The trail names the restore's own timer, not the content wait.
        var audit = await h.AuditOf(caseId, a => a.Any(e => e.ToState == nameof(CaseStateMachine.Restored)));
        Assert.Equal(AuditCauses.RestoreTimeout, audit.Single(e => e.ToState == nameof(CaseStateMachine.Restored)).Cause);
    }

    [Fact]
    public async Task A_legal_hold_needs_a_court_reference_and_ends_with_the_conclusion_of_that_action()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await AwaitingRestore(h);

        await h.Publish(LegalAction(caseId, courtReference: " "));
        Assert.Equal([LegalActionRejectionReasons.MissingCourtReference], (await h.Published<LegalActionRejected>(m => m.CaseId == caseId)).Reasons);
        Assert.Equal(nameof(CaseStateMachine.AwaitingRestore), (await h.Case(caseId))!.CurrentState);

        await h.Publish(LegalAction(caseId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.LegalHold));
        await h.Publish(LegalAction(caseId, "2:26-cv-9"));
        await h.Published<LegalActionRejected>(m => m.Reasons.Contains(LegalActionRejectionReasons.AlreadyOnHold));

        // Another action's conclusion changes nothing; the hold's own lets the content back.
        await h.Publish(new LegalActionConcluded { CaseId = caseId, CourtReference = "2:26-cv-9", Outcome = LegalActionOutcome.Restore });
        await h.Consumed<LegalActionConcluded>(2);
        await h.Settle();
        Assert.Equal(nameof(CaseStateMachine.LegalHold), (await h.Case(caseId))!.CurrentState);
        await h.Publish(new LegalActionConcluded { CaseId = caseId, CourtReference = "1:26-cv-01234", Outcome = LegalActionOutcome.Restore });
        await h.Published<RestoreContent>(m => m.CaseId == caseId);
        await h.WaitForState(caseId, nameof(CaseStateMachine.Restored));
        Assert.Empty((await Account(h, "acct-1", a => a.Strikes.Count == 0)).Strikes);
    }

    [Fact]
    public async Task A_legal_action_that_keeps_the_content_down_closes_the_case_with_the_removal_standing()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await AwaitingRestore(h);
        await h.Publish(LegalAction(caseId));
        await h.WaitForState(caseId, nameof(CaseStateMachine.LegalHold));

        await h.Publish(new LegalActionConcluded { CaseId = caseId, CourtReference = "1:26-cv-01234", Outcome = LegalActionOutcome.KeepRemoved });

        var closed = await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        Assert.Equal(CaseOutcome.ContentRemoved, closed.Outcome);
        await h.Settle();
        Assert.Empty(h.AllPublished<RestoreContent>());
    }

    [Fact]
    public async Task A_legal_action_without_a_pending_counter_notice_or_for_no_case_is_rejected_with_its_reason()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");
        var unknown = Guid.NewGuid();

        await h.Publish(LegalAction(caseId));
        await h.Publish(LegalAction(unknown));

        Assert.Equal([LegalActionRejectionReasons.NoCounterNotice], (await h.Published<LegalActionRejected>(m => m.CaseId == caseId)).Reasons);
        Assert.Equal([LegalActionRejectionReasons.UnknownCase], (await h.Published<LegalActionRejected>(m => m.CaseId == unknown)).Reasons);
        Assert.Equal(nameof(CaseStateMachine.Closed), (await h.Case(caseId))!.CurrentState);
    }

    [Fact]
    public async Task A_trademark_removal_offers_an_appeal_and_no_counter_notice()
    {
        await using var h = await ModerationHarness.Create();
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        await h.File(Notices.ValidTrademark() with { ContentIds = ["c-1"] });
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.Published<CaseOpened>(m => m.CaseId == caseId);
        await h.Verdict(caseId, Verdict.Infringing);

        var removal = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        Assert.Equal([RedressKind.Appeal], removal.StatementOfReasons!.Redress.Select(r => r.Kind));
        await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        await h.Publish(CounterNoticeTests.CounterNotice(caseId));
        Assert.Equal([CounterNoticeRejectionReasons.NotCopyright], (await h.Published<CounterNoticeRejected>(m => m.CaseId == caseId)).Reasons);
    }
}
