using MassTransit;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>The case saga's paths, on the in-memory harness over every store provider.</summary>
public class CaseSagaTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Infringing_verdict_removes_content_warns_the_uploader_and_closes_the_case(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.Upload("c-1", "acct-1");
        await h.Settle();

        await h.File(Notices.ValidCopyright("c-1"));
        var opened = await h.Published<CaseOpened>(m => m.CaseId == caseId);
        await h.Verdict(caseId, Verdict.Infringing, "reviewer-9");

        var removal = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        var closed = await h.Published<CaseClosed>(m => m.CaseId == caseId);
        var warning = await h.Published<RestrictAccount>(m => m.AccountId == "acct-1");

        Assert.Equal(("n-1", "c-1", "acct-1", ClaimType.Copyright), (opened.NoticeId, opened.ContentId, opened.AccountId, opened.ClaimType));
        Assert.Equal(DeterministicId.ForCommand(nameof(RemoveContent), caseId.ToString()), removal.CommandId);
        Assert.Equal(("c-1", "acct-1", "n-1"), (removal.ContentId, removal.AccountId, removal.NoticeId));
        Assert.Contains("clause 2", removal.Reason, StringComparison.Ordinal);
        Assert.Equal(CaseOutcome.ContentRemoved, closed.Outcome);
        Assert.Equal((RestrictionLevel.Warning, 1, caseId), (warning.Level, warning.ActiveStrikes, warning.CaseId));

        var state = await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        Assert.Empty(state.Outbox);
        var audit = await h.Store.Audit.Read(caseId, CancellationToken.None);
        Assert.Equal([nameof(CaseStateMachine.AwaitingVerdict), nameof(CaseStateMachine.Closed)], audit.Select(a => a.ToState));
        Assert.Equal(["policy", "reviewer-9"], audit.Select(a => a.DecidedBy));
        Assert.Equal(["NoticeFiled", "VerdictReached"], audit.Select(a => a.Cause));
        Assert.All(audit, a => Assert.NotNull(a.CauseMessageId));

        var accountAudit = await h.AuditOf(DeterministicId.ForAccount("acct-1"), a => a.Any(e => e.Decision == nameof(RestrictionLevel.Warning)));
        Assert.Contains(accountAudit, a => a.Decision == nameof(RestrictionLevel.Warning) && a.DecidedBy == "policy");
    }

    [Fact]
    public async Task Not_infringing_verdict_closes_the_case_and_publishes_no_command()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.Upload("c-1", "acct-1");
        await h.Settle();
        await h.File(Notices.ValidCopyright("c-1"));
        await h.Published<CaseOpened>(m => m.CaseId == caseId);

        await h.Verdict(caseId, Verdict.NotInfringing);

        var closed = await h.Published<CaseClosed>(m => m.CaseId == caseId);
        await h.Settle();
        Assert.Equal(CaseOutcome.NoInfringementFound, closed.Outcome);
        Assert.Empty(h.AllPublished<RemoveContent>());
        Assert.Empty(h.AllPublished<RestrictAccount>());
        Assert.Equal(nameof(CaseStateMachine.Closed), (await h.Case(caseId))!.CurrentState);
    }

    [Fact]
    public async Task An_invalid_notice_is_rejected_whole_and_opens_no_case()
    {
        await using var h = await ModerationHarness.Create();
        await h.Upload("c-1", "acct-1");

        await h.File(Notices.ValidTrademark() with { NoticeId = "n-bad", Signature = "", Evidence = null, ContentIds = ["c-1"] });

        var rejected = await h.Published<NoticeRejected>(m => m.NoticeId == "n-bad");
        await h.Settle();
        Assert.Null(rejected.ContentId);
        Assert.Equal([RejectionReasons.MissingSignature, RejectionReasons.MissingEvidence], rejected.Reasons);
        Assert.Empty(h.AllPublished<CaseOpened>());
        Assert.Null(await h.Case(DeterministicId.ForCase("n-bad", "c-1")));
    }

    [Fact]
    public async Task A_case_for_unknown_content_waits_and_opens_when_the_content_arrives()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = DeterministicId.ForCase("n-1", "c-late");

        await h.File(Notices.ValidCopyright("c-late"));
        var waiting = await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingContent));
        Assert.Equal(nameof(CaseStateMachine.AwaitingContent), waiting!.CurrentState);
        Assert.Equal(ModerationHarness.Start.AddMinutes(15), waiting.TimerDueAt);
        Assert.Empty(h.AllPublished<CaseOpened>());

        await h.Upload("c-late", "acct-late");

        var opened = await h.Published<CaseOpened>(m => m.CaseId == caseId);
        Assert.Equal("acct-late", opened.AccountId);
        var open = await h.Case(caseId);
        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), open!.CurrentState);
        Assert.Null(open.TimerDueAt);
    }

    [Fact]
    public async Task The_content_wait_runs_out_with_an_unknown_content_rejection()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = DeterministicId.ForCase("n-1", "c-never");
        await h.File(Notices.ValidCopyright("c-never"));
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingContent));

        Assert.Equal(0, await h.FireDueTimers());
        h.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await h.FireDueTimers());

        var rejected = await h.Published<NoticeRejected>(m => m.NoticeId == "n-1");
        Assert.Equal("c-never", rejected.ContentId);
        Assert.Equal([RejectionReasons.UnknownContent], rejected.Reasons);

        // Content that arrives after the deadline does not reopen the case.
        await h.Upload("c-never", "acct-1");
        await h.Settle();
        Assert.Empty(h.AllPublished<CaseOpened>());
        var state = await h.Case(caseId);
        Assert.Equal(nameof(CaseStateMachine.Rejected), state!.CurrentState);
        Assert.Null(state.TimerDueAt);
    }

    [Fact]
    public async Task Duplicates_of_every_inbound_event_publish_nothing_new()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.Upload("c-1", "acct-1");
        await h.Upload("c-1", "acct-1");
        await h.Settle();
        await h.File(Notices.ValidCopyright("c-1"));
        await h.Published<CaseOpened>(m => m.CaseId == caseId);
        await h.File(Notices.ValidCopyright("c-1"));
        await h.Settle();

        await h.Verdict(caseId, Verdict.Infringing);
        await h.Published<RestrictAccount>(m => m.AccountId == "acct-1");
        await h.Verdict(caseId, Verdict.Infringing);
        await h.Verdict(caseId, Verdict.NotInfringing);
        await h.Consumed<VerdictReached>(3);
        await h.Settle();

        Assert.Single(h.AllPublished<CaseOpened>());
        Assert.Single(h.AllPublished<RemoveContent>());
        Assert.Single(h.AllPublished<RestrictAccount>());
        Assert.Single(h.AllPublished<CaseClosed>());
        Assert.Equal(CaseOutcome.ContentRemoved, (await h.Case(caseId))!.Outcome);
    }

    [Fact]
    public async Task A_verdict_for_an_unknown_case_changes_nothing()
    {
        await using var h = await ModerationHarness.Create();
        var unknown = Guid.NewGuid();

        await h.Verdict(unknown, Verdict.Infringing);

        Assert.True(await h.Harness.Consumed.Any<VerdictReached>());
        await h.Settle();
        Assert.Empty(h.AllPublished<RemoveContent>());
        Assert.Empty(h.AllPublished<CaseClosed>());
        Assert.Null(await h.Case(unknown));
    }

    [Fact]
    public async Task A_notice_for_ten_items_of_one_uploader_removes_ten_and_strikes_once()
    {
        await using var h = await ModerationHarness.Create();
        var items = Enumerable.Range(1, 10).Select(i => $"c-{i}").ToArray();
        foreach (var item in items)
            await h.Upload(item, "acct-1");
        await h.Settle();

        await h.File(Notices.ValidCopyright(items));
        foreach (var item in items)
            await h.Published<CaseOpened>(m => m.ContentId == item);
        foreach (var item in items)
            await h.Verdict(DeterministicId.ForCase("n-1", item), Verdict.Infringing);
        foreach (var item in items)
            await h.Published<RemoveContent>(m => m.ContentId == item);
        await h.Consumed<RecordStrike>(10);
        await h.Settle();

        Assert.Equal(10, h.AllPublished<RemoveContent>().Count);
        var restriction = Assert.Single(h.AllPublished<RestrictAccount>());
        Assert.Equal((RestrictionLevel.Warning, 1), (restriction.Level, restriction.ActiveStrikes));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Twenty_concurrent_verdicts_climb_the_ladder_exactly_once(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var cases = Enumerable.Range(1, 20).Select(i => (Notice: $"n-{i}", Content: $"c-{i}")).ToArray();
        foreach (var (_, content) in cases)
            await h.Upload(content, "acct-repeat");
        await h.Settle();
        foreach (var (notice, content) in cases)
            await h.File(Notices.ValidCopyright(content) with { NoticeId = notice });
        foreach (var (notice, content) in cases)
            await h.Published<CaseOpened>(m => m.CaseId == DeterministicId.ForCase(notice, content));

        await Task.WhenAll(cases.Select(c => h.Verdict(DeterministicId.ForCase(c.Notice, c.Content), Verdict.Infringing)));
        foreach (var (notice, content) in cases)
            await h.Published<CaseClosed>(m => m.CaseId == DeterministicId.ForCase(notice, content));
        await h.Consumed<RecordStrike>(20);
        await h.Settle();

        var restrictions = h.AllPublished<RestrictAccount>().OrderBy(r => r.ActiveStrikes).ToList();
        Assert.Equal(
            [(RestrictionLevel.Warning, 1), (RestrictionLevel.UploadSuspended, 2), (RestrictionLevel.PermanentBan, 3)],
            restrictions.Select(r => (r.Level, r.ActiveStrikes)));
        Assert.Equal(20, h.AllPublished<RemoveContent>().Count);
    }

    [Fact]
    public async Task Messages_without_their_ids_are_refused_before_any_consumer_and_later_ones_flow()
    {
        // The error-queue entry and its reason are asserted on the real broker (CaseLifecycleTests, HostileInputTests).
        await using var h = await ModerationHarness.Create();

        await h.Publish(new ContentUploaded { ContentId = " ", AccountId = "acct-1", UploadedAt = h.Clock.GetUtcNow() });
        await h.Publish(new ContentUploaded { ContentId = "c-no-owner", AccountId = "", UploadedAt = h.Clock.GetUtcNow() });
        await h.Upload("c-good", "acct-1");
        await h.Settle();

        Assert.Null(await h.Store.Content.Find(" ", CancellationToken.None));
        Assert.Null(await h.Store.Content.Find("c-no-owner", CancellationToken.None));
        Assert.Equal("acct-1", (await h.Store.Content.Find("c-good", CancellationToken.None))!.AccountId);
    }
}
