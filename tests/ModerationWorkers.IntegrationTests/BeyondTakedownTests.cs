using System.Text.Json;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using Xunit.Abstractions;

namespace ModerationWorkers.IntegrationTests;

/// <summary>Counter-notices, appeals, stay-down and trusted flaggers against the real host and broker, in raw JSON.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BeyondTakedownTests(ITestOutputHelper output) : IAsyncLifetime
{
    const string Flagger = "hotline@flagger.example";

    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync()
    {
        _system = await ModerationSystem.Create();
        _system.Settings["Policy__TrustedFlaggers__0"] = Flagger;
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    async Task<Guid> RemovedCase(string noticeId, string contentId, string accountId)
    {
        var caseId = DeterministicId.ForCase(noticeId, contentId);
        await Client.PublishRaw("ContentUploaded", Payloads.Upload(contentId, accountId));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice(noticeId, contentId));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        return caseId;
    }

    [Fact]
    public async Task Appeal_counter_notice_legal_hold_and_stay_down_work_from_raw_json()
    {
        await _system.StartHost();

        // Appeal, reversed: the content comes back and the warning's strike is retracted.
        var appealed = await RemovedCase("notice-a", "content-a", "account-a");
        var removal = Client.Received.First(r => r.Type == nameof(RemoveContent) && r.Message.GetProperty("caseId").GetGuid() == appealed).Message;
        var statement = removal.GetProperty("statementOfReasons");
        Assert.Equal("2", statement.GetProperty("ground").GetProperty("policyClause").GetString());
        Assert.Equal(["CounterNotice", "Appeal"], statement.GetProperty("redress").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        await Client.PublishRaw("AppealFiled", Payloads.Appeal(appealed, "account-a"));
        await Client.WaitFor<AppealOpened>(m => m.CaseId == appealed);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(appealed, "NotInfringing", appeal: true));
        var decided = await Client.WaitFor<AppealDecided>(m => m.CaseId == appealed);
        var restore = await Client.WaitFor<RestoreContent>(m => m.CaseId == appealed);
        Assert.Equal((AppealOutcome.Reversed, "content-a"), (decided.Outcome, restore.ContentId));
        Assert.Equal(("notice-a", "notice-a", "matches the registered work"), (decided.NoticeId, restore.NoticeId, decided.Reason));

        // Counter-notice: forwarded to the notifier with the restore date; legal action then keeps the content down.
        var countered = await RemovedCase("notice-c", "content-c", "account-c");
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(countered, "account-c"));
        var received = await Client.WaitFor<CounterNoticeReceived>(m => m.CaseId == countered);
        Assert.True(received.RestoreAfter >= received.ReceivedAt + TimeSpan.FromDays(14));
        await Client.PublishRaw("LegalActionFiled", new { caseId = countered, courtReference = "1:26-cv-1", filedAt = "2026-11-30T13:00:00+00:00" });
        await Wait.Until(async () => (await _system.Case(countered))?.CurrentState == nameof(CaseStateMachine.LegalHold), TimeSpan.FromSeconds(30), "the case on legal hold");

        // Stay-down: the removed content's fingerprint comes back under another id and opens an automated case.
        await Client.PublishRaw("ContentUploaded", new { contentId = "content-c2", accountId = "account-z", uploadedAt = "2026-11-30T14:00:00+00:00", fingerprint = "sha256:content-c" });
        var automated = await Client.WaitFor<CaseOpened>(m => m.ContentId == "content-c2");
        Assert.True(automated.Automated);
        Assert.Equal(countered, automated.MatchedCaseId);

        // A counter-notice that names nobody's case is refused with its reason, not lost.
        var stranger = Guid.NewGuid();
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(stranger, "account-x"));
        var refused = await Client.WaitFor<CounterNoticeRejected>(m => m.CaseId == stranger);
        Assert.Equal([CounterNoticeRejectionReasons.UnknownCase], refused.Reasons);
    }

    [Fact]
    public async Task A_trusted_flaggers_notice_overtakes_a_backlog_of_a_thousand_normal_ones()
    {
        // Everything but the case saga runs, so the backlog builds up on its queue first.
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Workers__Roles"] = "content-intake,notice-intake,verdicts,account-strikes,timers,redress,notifier-standing",
        });
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-p", "account-p"));
        for (var i = 0; i < 1000; i++)
            await Client.PublishRaw("NoticeFiled", Payloads.Notice($"notice-{i:D4}", "content-p"));
        await Client.PublishRaw("NoticeFiled", Payloads.NoticeFrom(Flagger, "notice-trusted", "content-p"));
        // Notice intake records a notice after sending its cases, so once all 1,001 are recorded the backlog is queued.
        await Wait.Until(async () => (await _system.Store.Notices.List(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None)).Count == 1001,
            TimeSpan.FromSeconds(120), "notice intake to forward all 1,001 notices");

        await _system.StartHost(new Dictionary<string, string> { ["Workers__Roles"] = "case-saga" });
        await Client.WaitFor<CaseOpened>(m => m.NoticeId == "notice-trusted", TimeSpan.FromSeconds(60));

        var order = Client.All<CaseOpened>().Select(m => m.NoticeId).ToList();
        var position = order.IndexOf("notice-trusted");
        output.WriteLine($"The trusted case opened at position {position} of {order.Count} opened so far.");
        Assert.Equal(CasePriority.High, Client.All<CaseOpened>()[position].Priority);
        // Only what the normal endpoint had already taken in hand (its prefetch) can come first.
        Assert.True(position < 100, $"the trusted case opened after {position} normal cases");
        await Client.WaitForCount<CaseOpened>(1001, TimeSpan.FromSeconds(120));
        Assert.All(Client.All<CaseOpened>().Where(m => m.NoticeId != "notice-trusted"), m => Assert.Equal(CasePriority.Normal, m.Priority));
    }

    [Fact]
    public async Task A_verdict_is_enforced_ahead_of_a_backlog_of_a_thousand_new_cases()
    {
        // A case open for review, then the case saga goes away.
        var everything = await _system.StartHost();
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-d", "account-d"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-decided", "content-d"));
        var decided = (await Client.WaitFor<CaseOpened>(m => m.NoticeId == "notice-decided", TimeSpan.FromSeconds(30))).CaseId;
        await everything.Kill();

        // A mass notice queues a thousand new cases, then the reviewer's verdict for the first one arrives. Since issue 20
        // the verdicts role is the case saga on its own queue, so the verdict is enforced with the backlog untouched.
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Workers__Roles"] = "content-intake,notice-intake,verdicts,account-strikes,timers,redress,notifier-standing",
        });
        for (var i = 0; i < 1000; i++)
            await Client.PublishRaw("NoticeFiled", Payloads.Notice($"mass-{i:D4}", "content-d"));
        await Wait.Until(async () => (await _system.Store.Notices.List(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None)).Count == 1001,
            TimeSpan.FromSeconds(120), "notice intake to forward all 1,000 notices");
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(decided, "Infringing"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == decided, TimeSpan.FromSeconds(60));

        Assert.Equal(1000u, await Client.MessageCount("case-saga"));
        Assert.DoesNotContain(Client.All<CaseOpened>(), m => m.NoticeId.StartsWith("mass-", StringComparison.Ordinal));

        await _system.StartHost(new Dictionary<string, string> { ["Workers__Roles"] = "case-saga" });
        await Client.WaitForCount<CaseOpened>(1001, TimeSpan.FromSeconds(120));
    }
}
