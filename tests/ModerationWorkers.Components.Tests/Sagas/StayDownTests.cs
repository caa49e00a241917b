using System.Text.Json;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.ReadModel;
using ModerationWorkers.ReadModel.Reporting;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Stay-down of removed content, and the statement of reasons on every removal and restriction.</summary>
public class StayDownTests
{
    static ContentUploaded ReUpload(string contentId, string accountId, string fingerprint) =>
        new() { ContentId = contentId, AccountId = accountId, UploadedAt = ModerationHarness.Start, Fingerprint = fingerprint };

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_removal_carries_its_statement_of_reasons_and_the_audit_trail_keeps_it(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var caseId = await h.RemovedCase("n-1", "c-1", "acct-1");

        var removal = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        var statement = removal.StatementOfReasons!;
        Assert.Equal((ClaimType.Copyright, "2"), (statement.Ground.ClaimType, statement.Ground.PolicyClause));
        Assert.Contains("n-1", statement.Facts, StringComparison.Ordinal);
        Assert.False(statement.AutomatedDetection);
        Assert.False(statement.AutomatedDecision);
        Assert.Equal([RedressKind.CounterNotice, RedressKind.Appeal], statement.Redress.Select(r => r.Kind));
        Assert.All(statement.Redress, r => Assert.Equal(removal.IssuedAt + TimeSpan.FromDays(180), r.Deadline));
        Assert.DoesNotContain("ada@example.org", JsonSerializer.Serialize(statement), StringComparison.Ordinal);

        var closing = (await h.Store.Audit.Read(caseId, CancellationToken.None)).Single(a => a.ToState == nameof(CaseStateMachine.Closed));
        Assert.Equal(nameof(Verdict.Infringing), closing.Decision);
        Assert.Equal(JsonSerializer.Serialize(statement, MessageJson.Options), JsonSerializer.Serialize(closing.StatementOfReasons, MessageJson.Options));

        var warning = await h.Published<RestrictAccount>(m => m.AccountId == "acct-1");
        Assert.Equal(("4", true, false), (warning.StatementOfReasons!.Ground.PolicyClause, warning.StatementOfReasons.AutomatedDecision,
            warning.StatementOfReasons.AutomatedDetection));
        var accountAudit = await h.AuditOf(DeterministicId.ForAccount("acct-1"), a => a.Any(e => e.Decision == nameof(RestrictionLevel.Warning)));
        var decided = Assert.Single(accountAudit, a => a.Decision == nameof(RestrictionLevel.Warning));
        // A restriction is a decision, not a state: the account's state stays what it was.
        Assert.Equal(decided.FromState, decided.ToState);
        Assert.Equal(JsonSerializer.Serialize(warning.StatementOfReasons, MessageJson.Options), JsonSerializer.Serialize(decided.StatementOfReasons, MessageJson.Options));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task By_default_a_re_upload_of_removed_content_opens_an_automated_case_for_review(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var original = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(ReUpload("c-2", "acct-2", "fp-c-1"));

        var opened = await h.Published<CaseOpened>(m => m.ContentId == "c-2");
        Assert.True(opened.Automated);
        Assert.Equal((original, "n-1", "acct-2", ClaimType.Copyright), (opened.MatchedCaseId, opened.NoticeId, opened.AccountId, opened.ClaimType));
        Assert.Equal(DeterministicId.ForStayDownCase(original, "c-2"), opened.CaseId);
        var audit = await h.AuditOf(opened.CaseId, a => a.Count > 0);
        Assert.Contains("automated", audit[0].Note, StringComparison.Ordinal);
        Assert.Contains(original.ToString(), audit[0].Note, StringComparison.Ordinal);

        await h.Verdict(opened.CaseId, Verdict.Infringing, "reviewer-9");
        var removal = await h.Published<RemoveContent>(m => m.CaseId == opened.CaseId);
        Assert.True(removal.StatementOfReasons!.AutomatedDetection);
        Assert.False(removal.StatementOfReasons.AutomatedDecision);
        // A reviewer decided, so the uploader gets a strike as for any removal.
        await h.Published<RestrictAccount>(m => m.AccountId == "acct-2" && m.CaseId == opened.CaseId);
    }

    [Fact]
    public async Task With_AutoRemove_a_re_upload_is_removed_at_once_without_a_strike_and_counted_as_automated()
    {
        await using var h = await ModerationHarness.Create(settings: new Dictionary<string, string?> { ["Policy:StayDown"] = "AutoRemove" });
        var original = await h.RemovedCase("n-1", "c-1", "acct-1");

        await h.Publish(ReUpload("c-2", "acct-2", "fp-c-1"));

        var removal = await h.Published<RemoveContent>(m => m.ContentId == "c-2");
        Assert.True(removal.StatementOfReasons!.AutomatedDetection);
        Assert.True(removal.StatementOfReasons.AutomatedDecision);
        Assert.Contains(original.ToString(), removal.StatementOfReasons.Facts, StringComparison.Ordinal);
        var opened = await h.Published<CaseOpened>(m => m.ContentId == "c-2");
        Assert.True(opened.Automated);
        var closed = await h.WaitForState(removal.CaseId, nameof(CaseStateMachine.Closed));
        Assert.True(closed.DecidedAutomatically);
        await h.Settle();
        Assert.DoesNotContain(h.AllPublished<RestrictAccount>(), m => m.AccountId == "acct-2");

        var read = new ModerationReadModel(h.Store);
        var figures = TransparencyReport.Compute(ModerationHarness.Start, ModerationHarness.Start.AddDays(1),
            await h.Store.Notices.List(ModerationHarness.Start, ModerationHarness.Start.AddDays(1), CancellationToken.None),
            await read.Cases(CancellationToken.None), await read.Accounts(CancellationToken.None), AutomatedDecisions.FromList(""));
        Assert.Equal((1, 1, 1), (figures.AutomatedDecisions, figures.ReviewerDecisions, figures.AutomatedDetections));
    }

    [Fact]
    public async Task Restored_content_leaves_the_bank_so_a_re_upload_opens_no_case()
    {
        await using var h = await ModerationHarness.Create();
        var original = await h.RemovedCase("n-1", "c-1", "acct-1");
        await h.Publish(new AppealFiled { CaseId = original, AccountId = "acct-1", Reason = "mine", FiledAt = ModerationHarness.Start });
        await h.WaitForState(original, nameof(CaseStateMachine.UnderAppeal));
        await h.Verdict(original, Verdict.NotInfringing, appeal: true);
        await h.WaitForState(original, nameof(CaseStateMachine.Restored));

        await h.Publish(ReUpload("c-2", "acct-2", "fp-c-1"));
        await h.Stored("c-2");
        await h.Settle();

        Assert.DoesNotContain(h.AllPublished<CaseOpened>(), m => m.ContentId == "c-2");
    }
}
