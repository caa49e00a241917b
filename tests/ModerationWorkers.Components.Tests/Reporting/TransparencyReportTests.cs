using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Tests.Sagas;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.ReadModel;
using ModerationWorkers.ReadModel.Reporting;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Reporting;

/// <summary>A known history played through the real workers, then every transparency figure checked against it.</summary>
public class TransparencyReportTests
{
    static readonly AutomatedDecisions Automated = AutomatedDecisions.FromList("auto-reviewer");

    [Fact]
    public async Task Every_figure_matches_a_known_history()
    {
        await using var h = await ModerationHarness.Create();
        var start = h.Clock.GetUtcNow();
        for (var i = 1; i <= 6; i++)
            await h.Upload($"c-{i}", i <= 4 ? "repeat" : $"acct-{i}");
        await h.Settle();

        // Four copyright notices against "repeat" (three infringing by reviewers, one by the automated reviewer),
        // a trademark notice against acct-5 found not infringing, one incomplete patent notice, one notice for content that never arrives.
        for (var i = 1; i <= 4; i++)
            await h.File(Notices.ValidCopyright($"c-{i}") with { NoticeId = $"n-{i}" });
        await h.File(Notices.ValidTrademark() with { NoticeId = "n-5", ContentIds = ["c-5"] });
        await h.File(Notices.ValidTrademark() with { NoticeId = "n-6", ClaimType = ClaimType.Patent, Signature = " ", Evidence = [] });
        await h.File(Notices.ValidCopyright("c-missing") with { NoticeId = "n-7" });
        for (var i = 1; i <= 5; i++)
            await h.Published<CaseOpened>(m => m.NoticeId == $"n-{i}");
        await h.Published<NoticeRejected>(m => m.NoticeId == "n-6");
        // Its 15-minute wait must start before the clock moves, or it would not be due when the test expects it.
        await h.WaitForState(DeterministicId.ForCase("n-7", "c-missing"), nameof(CaseStateMachine.AwaitingContent));

        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.Verdict(DeterministicId.ForCase("n-1", "c-1"), Verdict.Infringing, "reviewer-1");
        await h.Verdict(DeterministicId.ForCase("n-2", "c-2"), Verdict.Infringing, "reviewer-9");
        await h.Verdict(DeterministicId.ForCase("n-3", "c-3"), Verdict.Infringing, "auto-reviewer");
        await h.Verdict(DeterministicId.ForCase("n-4", "c-4"), Verdict.Infringing, "reviewer-1");
        await h.Verdict(DeterministicId.ForCase("n-5", "c-5"), Verdict.NotInfringing, "reviewer-9");
        for (var i = 1; i <= 5; i++)
            await h.Published<CaseClosed>(m => m.CaseId == DeterministicId.ForCase($"n-{i}", $"c-{i}"));
        // The automated reviewer's removal is an automated decision: it says so, and gives no strike.
        await h.Consumed<Messages.RecordStrike>(3);
        await h.Published<RestrictAccount>(m => m.Level == RestrictionLevel.PermanentBan);
        var automatedRemoval = await h.Published<RemoveContent>(m => m.CaseId == DeterministicId.ForCase("n-3", "c-3"));
        Assert.True(automatedRemoval.StatementOfReasons!.AutomatedDecision);
        Assert.False((await h.Published<RemoveContent>(m => m.CaseId == DeterministicId.ForCase("n-1", "c-1"))).StatementOfReasons!.AutomatedDecision);
        Assert.DoesNotContain(h.Harness.Consumed.Select<Messages.RecordStrike>(), m => m.Context.Message.NoticeId == "n-3");
        h.Clock.Advance(TimeSpan.FromMinutes(6));
        await h.FireDueTimers();
        await h.Published<NoticeRejected>(m => m.NoticeId == "n-7");
        await h.Settle();

        var read = new ModerationReadModel(h.Store);
        var figures = TransparencyReport.Compute(
            start, start.AddDays(1),
            await h.Store.Notices.List(start, start.AddDays(1), CancellationToken.None),
            await read.Cases(CancellationToken.None),
            await read.Accounts(CancellationToken.None),
            Automated);

        var copyright = figures.Notices.Single(n => n.ClaimType == "Copyright");
        var trademark = figures.Notices.Single(n => n.ClaimType == "Trademark");
        var patent = figures.Notices.Single(n => n.ClaimType == "Patent");
        Assert.Equal((5, 0), (copyright.Received, copyright.Rejected));
        Assert.Equal(new Dictionary<string, int> { [RejectionReasons.UnknownContent] = 1 }, copyright.RejectionReasons);
        Assert.Equal((1, 0), (trademark.Received, trademark.Rejected));
        Assert.Empty(trademark.RejectionReasons);
        Assert.Equal((1, 1), (patent.Received, patent.Rejected));
        Assert.Equal(new Dictionary<string, int> { [RejectionReasons.MissingSignature] = 1, [RejectionReasons.MissingEvidence] = 1 }, patent.RejectionReasons);
        Assert.Equal(4, figures.Removals);
        Assert.Equal(new Dictionary<string, int> { ["UploadSuspended"] = 1, ["PermanentBan"] = 1 }, figures.RestrictionsByLevel);
        Assert.Equal(1, figures.Warnings);
        var own = Rows(TemplateCsv.Write(figures, new ReportIdentity("P", "S", new DateOnly(2027, 1, 1), null))
            .Single(f => f.File == "5_own_initiative_illegal.csv").Csv).Single(r => r[3] == "KEYWORD_COPYRIGHT_INFRINGEMENT");
        // The ladder's two rungs, filed under the claim of the cases that brought them: a suspension of uploads and a termination.
        Assert.Equal(("2", "0", "1", "0", "0", "1"), (own[5], own[7], own[17], own[18], own[19], own[20]));
        Assert.Equal(TimeSpan.FromMinutes(10).TotalSeconds, figures.MedianNoticeToActionSeconds);
        Assert.Equal((1, 4), (figures.AutomatedDecisions, figures.ReviewerDecisions));
        Assert.Equal((1, 1), (figures.AccountsSuspended, figures.AccountsBanned));

        // A period that ends before the decisions counts the notices but none of the actions.
        var before = TransparencyReport.Compute(start, start.AddMinutes(5),
            await h.Store.Notices.List(start, start.AddMinutes(5), CancellationToken.None), await read.Cases(CancellationToken.None),
            await read.Accounts(CancellationToken.None), Automated);
        Assert.Equal(7, before.Notices.Sum(n => n.Received));
        Assert.Equal((0, 0, 0), (before.Removals, before.AutomatedDecisions + before.ReviewerDecisions, before.RestrictionsByLevel.Values.Sum()));
        Assert.Null(before.MedianNoticeToActionSeconds);
    }

    [Fact]
    public async Task Trusted_flaggers_complaints_own_initiative_suspensions_and_warnings_are_each_counted_apart()
    {
        await using var h = await ModerationHarness.Create(settings: new Dictionary<string, string?> { ["Policy:TrustedFlaggers:0"] = "hotline@flagger.example" });
        var start = h.Clock.GetUtcNow();

        // A trusted flagger's removal, a removal reversed on appeal an hour later, a removal restored after a counter-notice.
        await h.RemovedCase("n-t", "c-t", "acct-t", email: "hotline@flagger.example");
        var appealed = await h.RemovedCase("n-a", "c-a", "acct-a");
        var countered = await h.RemovedCase("n-c", "c-c", "acct-c");
        await h.Publish(new AppealFiled { CaseId = appealed, AccountId = "acct-a", Reason = "my own recording", FiledAt = h.Clock.GetUtcNow() });
        await h.WaitForState(appealed, nameof(CaseStateMachine.UnderAppeal));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Verdict(appealed, Verdict.NotInfringing, "reviewer-9", appeal: true);
        await h.WaitForState(appealed, nameof(CaseStateMachine.Restored));
        await h.Publish(Sagas.CounterNoticeTests.CounterNotice(countered, "acct-c"));
        await h.WaitForState(countered, nameof(CaseStateMachine.AwaitingRestore));
        h.Clock.Advance(TimeSpan.FromDays(16));
        await h.FireDueTimers();
        await h.WaitForState(countered, nameof(CaseStateMachine.Restored));

        // A re-upload of the trusted flagger's removed content: a stay-down case, detected by automated means, left for review.
        await h.Publish(new ContentUploaded { ContentId = "c-again", AccountId = "acct-x", UploadedAt = h.Clock.GetUtcNow(), Fingerprint = "fp-c-t" });
        await h.Published<CaseOpened>(m => m.ContentId == "c-again");

        // Ten unfounded trademark notices from one notifier: suspended for manifestly unfounded notices.
        for (var i = 1; i <= 10; i++)
        {
            await h.Upload($"c-tm-{i}", $"acct-tm-{i}");
            await h.Stored($"c-tm-{i}");
            var notice = Notices.ValidTrademark() with { NoticeId = $"n-tm-{i}", ContentIds = [$"c-tm-{i}"] };
            await h.File(notice with { Notifier = notice.Notifier! with { Email = "abuser@rights.example" } });
            var caseId = DeterministicId.ForCase($"n-tm-{i}", $"c-tm-{i}");
            await h.Published<CaseOpened>(m => m.CaseId == caseId);
            await h.Verdict(caseId, Verdict.NotInfringing);
            await h.Consumed<Messages.RecordNoticeOutcome>(3 + i);
        }

        await h.Published<NotifierSuspended>(m => m.DecidedNotices == 10);
        await h.Settle();

        var read = new ModerationReadModel(h.Store);
        var to = h.Clock.GetUtcNow().AddDays(1);
        var cases = await read.Cases(CancellationToken.None);
        var figures = TransparencyReport.Compute(start, to, await h.Store.Notices.List(start, to, CancellationToken.None), cases,
            await read.Accounts(CancellationToken.None), Automated, await read.NotifierSuspensions(CancellationToken.None));

        var copyright = figures.Notices.Single(n => n.ClaimType == nameof(ClaimType.Copyright));
        var trademark = figures.Notices.Single(n => n.ClaimType == nameof(ClaimType.Trademark));
        Assert.Equal((3, 1, 3, 0), (copyright.Received, copyright.FromTrustedFlaggers, copyright.ItemsActioned, copyright.ItemsDecidedByAutomatedMeans));
        Assert.Equal((10, 0, 0), (trademark.Received, trademark.FromTrustedFlaggers, trademark.ItemsActioned));
        Assert.Equal(new OwnInitiativeFigures(1, 0, 1, 0), figures.OwnInitiative);
        Assert.Equal(new ComplaintFigures(1, 1, 1, TimeSpan.FromHours(1).TotalSeconds), figures.Appeals);
        var restore = cases.Single(c => c.CorrelationId == countered);
        Assert.Equal(new ComplaintFigures(1, 1, 1, (restore.RestoredAt!.Value - restore.CounterNoticeAt!.Value).TotalSeconds), figures.CounterNotices);
        Assert.Equal(new SuspensionFigures(0, 0, 1), figures.Suspensions);
        Assert.Equal(3, figures.Warnings);
        Assert.Equal(new Dictionary<string, int> { ["UploadSuspended"] = 0, ["PermanentBan"] = 0 }, figures.RestrictionsByLevel);
        Assert.Equal(TransparencyTemplate.Version, figures.Template);

        // The same figures in the template's machine-readable form.
        var files = TemplateCsv.Write(figures, new ReportIdentity("Example Platform B.V.", "Example Videos", new DateOnly(2027, 1, 15), null))
            .ToDictionary(f => f.File, f => Rows(f.Csv));
        Assert.Equal(["1_report_identification.csv", "4_notices.csv", "5_own_initiative_illegal.csv", "7_appeals_and_recidivism.csv", "8_automated_means.csv"], files.Keys);
        Assert.Contains(["All", "Example Videos", "Template", TransparencyTemplate.Version], files["1_report_identification.csv"]);
        Assert.All(files["4_notices.csv"], row => Assert.Equal(25, row.Length));
        Assert.All(files["5_own_initiative_illegal.csv"], row => Assert.Equal(37, row.Length));
        Assert.Equal("Number of notices received ", files["4_notices.csv"][0][5]);
        var copyrightRow = files["4_notices.csv"].Single(r => r[3] == "KEYWORD_COPYRIGHT_INFRINGEMENT");
        Assert.Equal(["3", "1", "3", "1"], copyrightRow[5..9]);
        Assert.Equal(["3", "1", "0", "0"], copyrightRow[11..15]);
        Assert.Equal(["10", "0", "10", "0"], files["4_notices.csv"].Single(r => r[3] == "KEYWORD_TRADEMARK_INFRINGEMENT")[5..9]);
        Assert.Equal(["13", "1"], files["4_notices.csv"].Single(r => r[3] == "TOTAL")[5..7]);
        string Part7(string indicator, string scope) => files["7_appeals_and_recidivism.csv"].Single(r => r[4] == indicator && r[5] == scope)[6];
        Assert.Equal(("2", "2", "0"), (Part7("Number of complaints submitted to the internal-complaints mechanism", "Total number"),
            Part7("Number of complaints submitted to the internal-complaints mechanism", "Decisions reversed"),
            Part7("Number of complaints submitted to the internal-complaints mechanism", "Decisions upheld")));
        Assert.Equal("1", Part7("Number of suspensions enacted for the provision of manifestly unfounded notices", "Total number"));
        Assert.Equal("0", Part7("Number of suspensions enacted for the provision of manifestly illegal content ", "Total number"));
        Assert.All(files["7_appeals_and_recidivism.csv"].Skip(1), row => Assert.Equal("2026-11-02/" + to.AddTicks(-1).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row[2]));
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas and doubled quotes.</summary>
    static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (quoted && line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (line[i] == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(line[i]);
                }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
