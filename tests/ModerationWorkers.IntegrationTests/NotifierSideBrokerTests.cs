using System.Text.Json;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>
/// The notifier's and the operator's side of a decision (issue 18) against the real host and broker: every message in
/// raw JSON, as a platform in another language sends it, and the overrides through modctl as the operator user.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class NotifierSideBrokerTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    async Task<Guid[]> Decided(string noticeId, string accountId, params (string ContentId, string Verdict)[] items)
    {
        foreach (var (contentId, _) in items)
            await Client.PublishRaw("ContentUploaded", Payloads.Upload(contentId, accountId));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice(noticeId, [.. items.Select(i => i.ContentId)]));
        var cases = items.Select(i => DeterministicId.ForCase(noticeId, i.ContentId)).ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            var caseId = cases[i];
            await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
            await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, items[i].Verdict));
            await Client.WaitFor<CaseClosed>(m => m.CaseId == caseId);
        }

        return cases;
    }

    [Fact]
    public async Task Outcome_complaint_and_retraction_work_from_raw_json()
    {
        await _system.StartHost();

        // The notifier is answered once per notice, with each item's outcome and no uploader.
        var cases = await Decided("n-two", "acct-two", ("c-two-1", "Infringing"), ("c-two-2", "NotInfringing"));
        var decided = await Client.WaitFor<NoticeDecided>(m => m.NoticeId == "n-two");
        Assert.Equal([(cases[0], NoticeItemOutcome.ContentRemoved), (cases[1], NoticeItemOutcome.NoInfringementFound)],
            decided.Items.Select(i => (i.CaseId, i.Outcome)).OrderBy(i => i.Outcome));
        var raw = Client.Received.Single(r => r.Type == nameof(NoticeDecided)).Message;
        Assert.DoesNotContain("acct-two", raw.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("n-two", (await Client.WaitFor<CaseClosed>(m => m.CaseId == cases[1])).NoticeId);

        // The notifier contests the decision not to act; a stranger cannot.
        await Client.PublishRaw("NoticeComplaintFiled", Payloads.Complaint(cases[1], "stranger@example.net"));
        var refused = await Client.WaitFor<NoticeComplaintRejected>(m => m.CaseId == cases[1]);
        Assert.Equal([NoticeComplaintRejectionReasons.NotNotifier], refused.Reasons);
        Assert.Equal("n-two", refused.NoticeId);
        await Client.PublishRaw("NoticeComplaintFiled", Payloads.Complaint(cases[1]));
        var opened = await Client.WaitFor<AppealOpened>(m => m.CaseId == cases[1]);
        Assert.Equal(Complainant.Notifier, opened.Complainant);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(cases[1], "Infringing", appeal: true));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == cases[1]);
        await Client.WaitFor<AppealDecided>(m => m.CaseId == cases[1]);
        var answer = Client.Received.Single(r => r.Type == nameof(AppealDecided)).Message;
        Assert.Equal(("Reversed", "Notifier", "matches the registered work"),
            (answer.GetProperty("outcome").GetString(), answer.GetProperty("complainant").GetString(), answer.GetProperty("reason").GetString()));
        Assert.Equal(["OutOfCourtDispute", "JudicialRedress"],
            answer.GetProperty("statementOfReasons").GetProperty("redress").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));

        // Retracted by someone else: refused. By the notifier: both removed items come back, and the strike goes.
        await Client.PublishRaw("NoticeRetracted", Payloads.Retraction("n-two", "stranger@example.net"));
        Assert.Equal([NoticeRetractionRejectionReasons.NotNotifier], (await Client.WaitFor<NoticeRetractionRejected>(m => m.NoticeId == "n-two")).Reasons);
        await Client.PublishRaw("NoticeRetracted", Payloads.Retraction("n-missing"));
        Assert.Equal([NoticeRetractionRejectionReasons.UnknownNotice], (await Client.WaitFor<NoticeRetractionRejected>(m => m.NoticeId == "n-missing")).Reasons);
        await Client.PublishRaw("NoticeRetracted", Payloads.Retraction("n-two"));
        await Client.WaitFor<RestoreContent>(m => m.CaseId == cases[0]);
        await Client.WaitFor<RestoreContent>(m => m.CaseId == cases[1]);
        // Both cases stood for the notice's one strike (a warning, which is never lifted): it is gone with them.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await _system.Store.Sagas.Find<Components.Accounts.AccountStrikesState>(DeterministicId.ForAccount("acct-two"), CancellationToken.None))!.Strikes.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the notice's strike was not retracted within 20 s");
            await Task.Delay(50);
        }

        // A pending case closes as withdrawn, and its notice is answered.
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-open", "acct-open"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-open", "c-open"));
        var pending = DeterministicId.ForCase("n-open", "c-open");
        await Client.WaitFor<CaseOpened>(m => m.CaseId == pending);
        await Client.PublishRaw("NoticeRetracted", Payloads.Retraction("n-open"));
        Assert.Equal(CaseOutcome.NoticeWithdrawn, (await Client.WaitFor<CaseClosed>(m => m.CaseId == pending)).Outcome);
        Assert.Equal(NoticeItemOutcome.Withdrawn, Assert.Single((await Client.WaitFor<NoticeDecided>(m => m.NoticeId == "n-open")).Items).Outcome);
    }

    [Fact]
    public async Task The_operator_dismisses_a_strike_and_lifts_a_suspension_through_modctl_and_is_answered_from_raw_json()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Policy__Abuse__MinNotices"] = "2",
            ["Policy__Abuse__WarnAt"] = "0.99",
        });

        var first = await Decided("n-s1", "acct-s", ("c-s1", "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-s" && m.Level == RestrictionLevel.Warning);
        var second = await Decided("n-s2", "acct-s", ("c-s2", "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-s" && m.Level == RestrictionLevel.UploadSuspended);

        var asOperator = new Dictionary<string, string>(_system.Environment()) { ["RabbitMq__Uri"] = users.Uri("operator") };
        var result = await Modctl.Run(asOperator, "account", "acct-s", "dismiss-strike", "--case", second[0].ToString(),
            "--reason", "Completed the copyright course.", "--operator", "ops-ana", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var dismissed = await Client.WaitFor<StrikeDismissed>(m => m.CaseId == second[0]);
        Assert.Equal(("ops-ana", 1), (dismissed.Operator, dismissed.ActiveStrikes));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-s" && m.Level == RestrictionLevel.None);
        var audit = await _system.Store.Audit.Read(DeterministicId.ForAccount("acct-s"), CancellationToken.None);
        Assert.Contains(audit, e => e.Decision == nameof(StrikeDismissed) && e.DecidedBy == "ops-ana" && e.Note!.Contains("copyright course", StringComparison.Ordinal));

        // Raw JSON to the command's exchange, as a tool in another language would send it: a refusal says why.
        await using (var operatorClient = await RawClient.Connect(users.Uri("operator"), listen: false))
            await operatorClient.PublishRaw("DismissStrike", new { accountId = "acct-s", caseId = first[0], reason = "", @operator = "ops-ana", issuedAt = "2026-11-30T12:00:00Z" });
        var refusal = await Client.WaitFor<OverrideRejected>(m => m.CaseId == first[0]);
        Assert.Equal([OverrideRejectionReasons.MissingReason], refusal.Reasons);

        // Where modctl cannot read the store, it says so and publishes unchecked: the saga checks, and decides.
        var storeless = new Dictionary<string, string>(asOperator) { ["Storage__Sqlite__Path"] = "/nonexistent/moderation.db" };
        result = await Modctl.Run(storeless, "account", "acct-s", "dismiss-strike", "--case", first[0].ToString(),
            "--reason", "Completed the course.", "--operator", "ops-ana");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Not checked against the store", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await Client.WaitFor<StrikeDismissed>(m => m.CaseId == first[0])).ActiveStrikes);

        // Two unfounded notices suspend the notifier; the operator lifts the suspension.
        await Decided("n-u1", "acct-u", ("c-u1", "NotInfringing"));
        await Decided("n-u2", "acct-u", ("c-u2", "NotInfringing"));
        var suspended = await Client.WaitFor<NotifierSuspended>(_ => true);
        result = await Modctl.Run(asOperator, "notifier", suspended.NotifierId.ToString(), "lift-suspension",
            "--reason", "Reviewer error on both notices.", "--operator", "ops-ben");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lifted = await Client.WaitFor<NotifierSuspensionLifted>(m => m.NotifierId == suspended.NotifierId);
        Assert.Equal(("ops-ben", "Reviewer error on both notices."), (lifted.Operator, lifted.Reason));
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-after", "acct-u"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-after", "c-after"));
        await Client.WaitFor<CaseOpened>(m => m.NoticeId == "n-after");

        // Both read back as JSON: the account without the dismissed strikes, the notifier with the lift on its record.
        var account = await Modctl.Run(asOperator, "account", "acct-s", "--json");
        Assert.True(account.ExitCode == 0, account.ToString());
        using (var json = JsonDocument.Parse(account.Out))
            Assert.Equal(("acct-s", 0), (json.RootElement.GetProperty("accountId").GetString(), json.RootElement.GetProperty("strikes").GetArrayLength()));
        var notifier = await Wait.ForText(async () => (await Modctl.Run(asOperator, "notifier", suspended.NotifierId.ToString(), "--json")).Out,
            NotifierDecisions.SuspensionLifted);
        using (var json = JsonDocument.Parse(notifier))
        {
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("suspendedUntil").ValueKind);
            Assert.Contains(json.RootElement.GetProperty("decisions").EnumerateArray(),
                d => d.GetProperty("decision").GetString() == NotifierDecisions.SuspensionLifted && d.GetProperty("decidedBy").GetString() == "ops-ben");
        }

        // Nothing is suspended any more: modctl says so, exit 2, and publishes nothing.
        result = await Modctl.Run(asOperator, "notifier", suspended.NotifierId.ToString(), "lift-suspension", "--reason", "again", "--operator", "ops-ben");
        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
