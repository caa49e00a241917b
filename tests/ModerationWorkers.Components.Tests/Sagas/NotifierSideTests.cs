using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>The notifier's side of a decision (issue 18): the notice's outcome, complaints and retractions, on the in-memory harness.</summary>
public class NotifierSideTests
{
    const string Notifier = "ada@example.org"; // Notices.ValidCopyright's

    static NoticeComplaintFiled Complaint(Guid caseId, string email = Notifier) =>
        new() { CaseId = caseId, NotifierEmail = email, Reason = "The upload is a full copy of our album.", FiledAt = ModerationHarness.Start };

    static NoticeRetracted Retraction(string noticeId, string email = Notifier) =>
        new() { NoticeId = noticeId, NotifierEmail = email, Reason = "Filed against the wrong channel.", RetractedAt = ModerationHarness.Start };

    static async Task<Guid> DecidedCase(ModerationHarness h, string noticeId, string contentId, string accountId, Verdict verdict)
    {
        var caseId = DeterministicId.ForCase(noticeId, contentId);
        await h.Upload(contentId, accountId);
        await h.Stored(contentId);
        await h.File(Notices.ValidCopyright(contentId) with { NoticeId = noticeId });
        await h.Published<CaseOpened>(m => m.CaseId == caseId);
        await h.Verdict(caseId, verdict);
        await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        return caseId;
    }

    [Fact]
    public async Task A_notice_of_one_item_is_answered_once_with_its_outcome_and_no_uploader()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await DecidedCase(h, "n-1", "c-1", "acct-1", Verdict.Infringing);

        var decided = await h.Published<NoticeDecided>(m => m.NoticeId == "n-1");
        var item = Assert.Single(decided.Items);
        Assert.Equal((caseId, "c-1", NoticeItemOutcome.ContentRemoved), (item.CaseId, item.ContentId, item.Outcome));
        Assert.DoesNotContain("acct-1", System.Text.Json.JsonSerializer.Serialize(decided), StringComparison.Ordinal);

        // A later change (an appeal's reversal) is told by its own event, not by a second answer.
        await h.Publish(new AppealFiled { CaseId = caseId, AccountId = "acct-1", Reason = "mine", FiledAt = h.Clock.GetUtcNow() });
        await h.WaitForState(caseId, nameof(CaseStateMachine.UnderAppeal));
        await h.Verdict(caseId, Verdict.NotInfringing, "reviewer-9", appeal: true);
        await h.WaitForState(caseId, nameof(CaseStateMachine.Restored));
        await h.Settle();
        Assert.Single(h.AllPublished<NoticeDecided>());
    }

    [Fact]
    public async Task A_notice_of_several_items_is_answered_once_when_its_last_item_is_decided_even_by_concurrent_verdicts()
    {
        await using var h = await ModerationHarness.Create();
        string[] items = ["c-1", "c-2", "c-3", "c-4"];
        foreach (var item in items)
        {
            await h.Upload(item, "acct-1");
            await h.Stored(item);
        }

        await h.File(Notices.ValidCopyright(items) with { NoticeId = "n-9" });
        var cases = items.Select(c => DeterministicId.ForCase("n-9", c)).ToArray();
        foreach (var id in cases)
            await h.Published<CaseOpened>(m => m.CaseId == id);

        await h.Verdict(cases[0], Verdict.Infringing);
        await h.WaitForState(cases[0], nameof(CaseStateMachine.Closed));
        await h.Settle();
        Assert.Empty(h.AllPublished<NoticeDecided>());

        await Task.WhenAll(h.Verdict(cases[1], Verdict.NotInfringing), h.Verdict(cases[2], Verdict.Infringing), h.Verdict(cases[3], Verdict.NotInfringing));
        var decided = await h.Published<NoticeDecided>(m => m.NoticeId == "n-9");
        Assert.Equal(cases.Order(), decided.Items.Select(i => i.CaseId).Order());
        Assert.Equal([NoticeItemOutcome.ContentRemoved, NoticeItemOutcome.NoInfringementFound, NoticeItemOutcome.ContentRemoved, NoticeItemOutcome.NoInfringementFound],
            cases.Select(id => decided.Items.Single(i => i.CaseId == id).Outcome));
        await h.Settle();
        Assert.Single(h.AllPublished<NoticeDecided>());
    }

    [Fact]
    public async Task A_notifiers_complaint_reopens_review_and_a_reversal_removes_strikes_and_gives_reasons_and_next_remedies()
    {
        await using var h = await ModerationHarness.Create();
        var caseId = await DecidedCase(h, "n-1", "c-1", "acct-1", Verdict.NotInfringing);

        await h.Publish(Complaint(caseId));
        var opened = await h.Published<AppealOpened>(m => m.CaseId == caseId);
        Assert.Equal((Complainant.Notifier, Verdict.NotInfringing, "The upload is a full copy of our album."), (opened.Complainant, opened.OriginalVerdict, opened.Reason));
        await h.WaitForState(caseId, nameof(CaseStateMachine.UnderComplaint));

        await h.Verdict(caseId, Verdict.Infringing, "reviewer-9", appeal: true);
        var decided = await h.Published<AppealDecided>(m => m.CaseId == caseId);
        Assert.Equal((AppealOutcome.Reversed, Complainant.Notifier, "n-1", "checked"), (decided.Outcome, decided.Complainant, decided.NoticeId, decided.Reason));
        Assert.Equal([RedressKind.OutOfCourtDispute, RedressKind.JudicialRedress], decided.StatementOfReasons!.Redress.Select(r => r.Kind));

        var removal = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        Assert.Equal(("c-1", "acct-1"), (removal.ContentId, removal.AccountId));
        Assert.Contains(removal.StatementOfReasons!.Redress, r => r.Kind == RedressKind.Appeal);
        var warning = await h.Published<RestrictAccount>(m => m.AccountId == "acct-1");
        Assert.Equal(RestrictionLevel.Warning, warning.Level);
        var closed = await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        Assert.Equal((CaseOutcome.ContentRemoved, AppealOutcome.Reversed), (closed.Outcome, closed.ComplaintOutcome));

        // The uploader may now contest the removal like any other.
        await h.Publish(new AppealFiled { CaseId = caseId, AccountId = "acct-1", Reason = "licensed", FiledAt = h.Clock.GetUtcNow() });
        Assert.Equal(Complainant.Uploader, (await h.Published<AppealOpened>(m => m.CaseId == caseId && m.Complainant == Complainant.Uploader)).Complainant);
    }

    [Fact]
    public async Task An_upheld_complaint_is_answered_and_every_rejection_names_its_reason()
    {
        await using var h = await ModerationHarness.Create();
        var kept = await DecidedCase(h, "n-1", "c-1", "acct-1", Verdict.NotInfringing);
        var removed = await DecidedCase(h, "n-2", "c-2", "acct-2", Verdict.Infringing);
        var late = await DecidedCase(h, "n-3", "c-3", "acct-3", Verdict.NotInfringing);

        async Task<IReadOnlyList<string>> Rejection(NoticeComplaintFiled complaint)
        {
            var before = h.AllPublished<NoticeComplaintRejected>().Count;
            await h.Publish(complaint);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (h.AllPublished<NoticeComplaintRejected>().Count == before && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            return h.AllPublished<NoticeComplaintRejected>().Last().Reasons;
        }

        Assert.Equal([NoticeComplaintRejectionReasons.NotNotifier], await Rejection(Complaint(kept, "someone@else.example")));
        Assert.Equal([NoticeComplaintRejectionReasons.NotNoActionDecision], await Rejection(Complaint(removed)));
        Assert.Equal([NoticeComplaintRejectionReasons.UnknownCase], await Rejection(Complaint(Guid.NewGuid())));
        Assert.Equal([NoticeComplaintRejectionReasons.MissingReason], await Rejection(Complaint(kept) with { Reason = " " }));

        await h.Publish(Complaint(kept));
        await h.WaitForState(kept, nameof(CaseStateMachine.UnderComplaint));
        await h.Verdict(kept, Verdict.NotInfringing, "reviewer-9", appeal: true);
        var upheld = await h.Published<AppealDecided>(m => m.CaseId == kept);
        Assert.Equal((AppealOutcome.Upheld, Complainant.Notifier), (upheld.Outcome, upheld.Complainant));
        await h.WaitForState(kept, nameof(CaseStateMachine.Closed));
        Assert.Equal([NoticeComplaintRejectionReasons.AlreadyComplained], await Rejection(Complaint(kept) with { FiledAt = h.Clock.GetUtcNow() }));

        h.Clock.Advance(TimeSpan.FromDays(181));
        Assert.Equal([NoticeComplaintRejectionReasons.WindowClosed], await Rejection(Complaint(late)));
        await h.Settle();
        Assert.DoesNotContain(h.AllPublished<RemoveContent>(), r => r.CaseId == kept || r.CaseId == late);
    }

    [Fact]
    public async Task A_retraction_restores_what_was_removed_lowers_the_strike_and_closes_what_is_pending_once()
    {
        await using var h = await ModerationHarness.Create();
        // Two earlier removals suspend the account; the retracted notice holds the second strike.
        await DecidedCase(h, "n-0", "c-0", "acct-1", Verdict.Infringing);
        foreach (var item in new[] { "c-1", "c-2" })
        {
            await h.Upload(item, "acct-1");
            await h.Stored(item);
        }

        await h.File(Notices.ValidCopyright("c-1", "c-2") with { NoticeId = "n-1" });
        var (removedCase, pendingCase) = (DeterministicId.ForCase("n-1", "c-1"), DeterministicId.ForCase("n-1", "c-2"));
        await h.Published<CaseOpened>(m => m.CaseId == pendingCase);
        await h.Verdict(removedCase, Verdict.Infringing);
        var suspension = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);
        Assert.Equal(2, suspension.ActiveStrikes);

        await h.Publish(Retraction("n-1", "someone@else.example"));
        Assert.Equal([NoticeRetractionRejectionReasons.NotNotifier], (await h.Published<NoticeRetractionRejected>(m => m.NoticeId == "n-1")).Reasons);
        await h.Publish(Retraction("n-404"));
        Assert.Equal([NoticeRetractionRejectionReasons.UnknownNotice], (await h.Published<NoticeRetractionRejected>(m => m.NoticeId == "n-404")).Reasons);
        Assert.Empty(h.AllPublished<RestoreContent>());

        await h.Publish(Retraction("n-1"));
        var restore = await h.Published<RestoreContent>(m => m.CaseId == removedCase);
        Assert.Equal(("c-1", "n-1"), (restore.ContentId, restore.NoticeId));
        var withdrawn = await h.Published<CaseClosed>(m => m.CaseId == pendingCase);
        Assert.Equal(CaseOutcome.NoticeWithdrawn, withdrawn.Outcome);
        var lifted = await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.None);
        Assert.Equal(1, lifted.ActiveStrikes);
        var decided = await h.Published<NoticeDecided>(m => m.NoticeId == "n-1");
        Assert.Equal([(removedCase, NoticeItemOutcome.ContentRemoved), (pendingCase, NoticeItemOutcome.Withdrawn)],
            decided.Items.Select(i => (i.CaseId, i.Outcome)).OrderBy(i => i.Outcome));
        await h.WaitForState(removedCase, nameof(CaseStateMachine.Restored));
        await h.WaitForState(pendingCase, nameof(CaseStateMachine.Withdrawn));

        // Again, and a verdict that comes late: nothing more happens.
        await h.Publish(Retraction("n-1"));
        await h.Verdict(pendingCase, Verdict.Infringing);
        await h.Settle();
        Assert.Single(h.AllPublished<RestoreContent>());
        Assert.Single(h.AllPublished<CaseClosed>(), c => c.CaseId == pendingCase);
        Assert.DoesNotContain(h.AllPublished<RemoveContent>(), r => r.CaseId == pendingCase);
        Assert.Single(h.AllPublished<NoticeDecided>(), d => d.NoticeId == "n-1");
        var account = await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount("acct-1"), CancellationToken.None);
        Assert.Single(account!.Strikes);

        var audit = await h.AuditOf(pendingCase, a => a.Count >= 2);
        Assert.Equal(nameof(NoticeRetracted), audit[^1].Cause);
    }

    [Fact]
    public async Task A_retraction_racing_a_verdict_never_leaves_content_removed_or_a_strike_behind()
    {
        await using var h = await ModerationHarness.Create();
        for (var i = 0; i < 6; i++)
        {
            await h.Upload($"c-{i}", $"acct-{i}");
            await h.Stored($"c-{i}");
            await h.File(Notices.ValidCopyright($"c-{i}") with { NoticeId = $"n-{i}" });
            await h.Published<CaseOpened>(m => m.NoticeId == $"n-{i}");
        }

        await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            h.Verdict(DeterministicId.ForCase($"n-{i}", $"c-{i}"), Verdict.Infringing), h.Publish(Retraction($"n-{i}")),
        }));
        await h.Settle();

        for (var i = 0; i < 6; i++)
        {
            var caseId = DeterministicId.ForCase($"n-{i}", $"c-{i}");
            var state = (await h.Case(caseId))!.CurrentState;
            Assert.Contains(state, new[] { nameof(CaseStateMachine.Restored), nameof(CaseStateMachine.Withdrawn) });
            Assert.Equal(h.AllPublished<RemoveContent>().Count(r => r.CaseId == caseId), h.AllPublished<RestoreContent>().Count(r => r.CaseId == caseId));
            Assert.Single(h.AllPublished<NoticeDecided>(), d => d.NoticeId == $"n-{i}");
            var account = await h.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount($"acct-{i}"), CancellationToken.None);
            Assert.Empty(account?.Strikes ?? []);
        }
    }
}
