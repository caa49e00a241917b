using ModerationWorkers.Cli.Broker;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>The flows of issue 14 against the real host and broker, published as raw JSON by a client that is not .NET.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ExactDecisionsOnTheWireTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    async Task<Guid> RemovedCase(string noticeId, string contentId, string accountId, object? notice = null)
    {
        var caseId = DeterministicId.ForCase(noticeId, contentId);
        await Client.PublishRaw("ContentUploaded", Payloads.Upload(contentId, accountId));
        await Client.PublishRaw("NoticeFiled", notice ?? Payloads.Notice(noticeId, contentId));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        return caseId;
    }

    [Fact]
    public async Task A_suspension_after_a_lifted_one_for_the_same_notice_has_a_new_command_id()
    {
        await _system.StartHost();
        await RemovedCase("notice-0", "content-0", "account-1");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-1", "account-1"));
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-2", "account-1"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-1", "content-1", "content-2"));
        Guid c1 = DeterministicId.ForCase("notice-1", "content-1"), c2 = DeterministicId.ForCase("notice-1", "content-2");
        await Client.WaitForCount<CaseOpened>(3);

        await Client.PublishRaw("VerdictReached", Payloads.Verdict(c1, "Infringing"));
        var first = await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);
        await Client.PublishRaw("AppealFiled", Payloads.Appeal(c1, "account-1"));
        await Client.WaitFor<AppealOpened>(m => m.CaseId == c1);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(c1, "NotInfringing", appeal: true));
        await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.None);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(c2, "Infringing"));
        var second = await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended && m.CaseId == c2);

        Assert.NotEqual(first.CommandId, second.CommandId);
        var ids = Client.All<RestrictAccount>().Select(m => m.CommandId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_filing_redelivered_under_its_message_id_or_without_one_is_answered_once_and_a_new_one_with_the_same_body_is_a_second_filing()
    {
        await _system.StartHost();
        var caseId = await RemovedCase("notice-r", "content-r", "account-r");
        var messageId = Guid.NewGuid().ToString();

        // The publisher's retry: the same message id and body.
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-r"), messageId);
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-r"), messageId);
        await Client.WaitFor<CounterNoticeReceived>(m => m.CaseId == caseId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(Client.All<CounterNoticeRejected>());

        // The same body under a message id of its own is another filing: refused, as a second counter-notice is.
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-r"), Guid.NewGuid().ToString());
        var rejected = await Client.WaitFor<CounterNoticeRejected>(m => m.CaseId == caseId);
        Assert.Equal([CounterNoticeRejectionReasons.AlreadyFiled], rejected.Reasons);

        // A publisher that sets no message id at all: its redelivery is known by the body alone.
        var appealed = await RemovedCase("notice-r2", "content-r2", "account-r2");
        await Client.PublishRaw("AppealFiled", Payloads.Appeal(appealed, "account-r2"), messageId: "");
        await Client.PublishRaw("AppealFiled", Payloads.Appeal(appealed, "account-r2"), messageId: "");
        await Client.WaitFor<AppealOpened>(m => m.CaseId == appealed);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(Client.All<AppealRejected>());
        Assert.Single(Client.All<CounterNoticeReceived>());
        Assert.Single(Client.All<AppealOpened>());
    }

    [Fact]
    public async Task A_counter_notice_published_twice_is_answered_once()
    {
        await _system.StartHost();
        var caseId = await RemovedCase("notice-c", "content-c", "account-c");

        var retry = Guid.NewGuid().ToString();
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-c"), retry);
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-c"), retry);
        await Client.WaitFor<CounterNoticeReceived>(m => m.CaseId == caseId);
        // A counter-notice without a telephone number is a genuinely different filing: it is judged, and refused.
        await Client.PublishRaw("CounterNoticeFiled", new
        {
            caseId, accountId = "account-c", statement = "Mistaken.", signature = "Uma Uploader", consentToJurisdiction = true,
            contact = new { name = "Uma Uploader", email = "uma@example.net", address = "1 Main St" }, filedAt = "2026-11-30T13:00:00+00:00",
        });
        var rejected = await Client.WaitFor<CounterNoticeRejected>(m => m.CaseId == caseId);

        Assert.Equal([CounterNoticeRejectionReasons.MissingTelephone, CounterNoticeRejectionReasons.AlreadyFiled], rejected.Reasons);
        Assert.Single(Client.All<CounterNoticeReceived>());
        Assert.Single(Client.All<CounterNoticeRejected>());
    }

    [Fact]
    public async Task A_corrected_notice_under_the_same_id_is_processed_and_a_trademark_removal_takes_no_counter_notice()
    {
        await _system.StartHost();
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-t", "account-t"));
        await Client.PublishRaw("NoticeFiled", new { noticeId = "notice-t", claimType = "Trademark", contentIds = new[] { "content-t" } });
        await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "notice-t");

        var corrected = new
        {
            noticeId = "notice-t", claimType = "Trademark", contentIds = new[] { "content-t" },
            notifier = new { name = "Tess Mark", email = "tess@mark.example", role = "RightsHolder" },
            work = new { description = "Word mark TESS", proofOfRights = new[] { "https://tm.example/1" } },
            evidence = new[] { "https://evidence.example/1.png" },
            statements = new { goodFaith = true, accurate = true, authorized = true },
            signature = "Tess Mark", filedAt = "2026-11-30T10:00:00+00:00",
        };
        var caseId = DeterministicId.ForCase("notice-t", "content-t");
        await Client.PublishRaw("NoticeFiled", corrected);
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        var removal = await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        Assert.Equal([RedressKind.Appeal], removal.StatementOfReasons!.Redress.Select(r => r.Kind));

        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-t"));
        var refused = await Client.WaitFor<CounterNoticeRejected>(m => m.CaseId == caseId);
        Assert.Equal([CounterNoticeRejectionReasons.NotCopyright], refused.Reasons);
    }

    [Fact]
    public async Task A_legal_action_needs_a_court_reference_and_its_conclusion_restores_the_content()
    {
        await _system.StartHost();
        var caseId = await RemovedCase("notice-l", "content-l", "account-l");
        await Client.PublishRaw("CounterNoticeFiled", Payloads.CounterNotice(caseId, "account-l"));
        await Client.WaitFor<CounterNoticeReceived>(m => m.CaseId == caseId);

        await Client.PublishRaw("LegalActionFiled", new { caseId, filedAt = "2026-11-30T13:00:00+00:00" });
        var rejected = await Client.WaitFor<LegalActionRejected>(m => m.CaseId == caseId);
        Assert.Equal([LegalActionRejectionReasons.MissingCourtReference], rejected.Reasons);

        await Client.PublishRaw("LegalActionFiled", new { caseId, courtReference = "1:26-cv-7", filedAt = "2026-11-30T13:00:00+00:00" });
        await Wait.Until(async () => (await _system.Case(caseId))?.CurrentState == nameof(CaseStateMachine.LegalHold), TimeSpan.FromSeconds(30), "the case on legal hold");
        await Client.PublishRaw("LegalActionConcluded", new { caseId, courtReference = "1:26-cv-7", outcome = "Restore", concludedAt = "2027-02-01T10:00:00+00:00" });

        var restore = await Client.WaitFor<RestoreContent>(m => m.CaseId == caseId);
        Assert.Equal("content-l", restore.ContentId);
    }

    [Fact]
    public async Task A_strike_redriven_after_its_case_was_restored_is_not_applied()
    {
        // Everything but the strike ledger runs, so the verdict's RecordStrike waits in account-strikes.
        var roles = new Dictionary<string, string> { ["Workers__Roles"] = "content-intake,notice-intake,verdicts,case-saga,timers,redress,notifier-standing" };
        await _system.StartHost(roles);
        var caseId = await RemovedCase("notice-s", "content-s", "account-s");
        await Wait.Until(async () => await Client.MessageCount("account-strikes") == 1, TimeSpan.FromSeconds(30), "the strike to wait in account-strikes");

        // It is dead-lettered, as a store outage longer than the retries would do.
        await MoveToErrorQueue("account-strikes");

        // The removal is reversed on appeal: the retraction reaches the ledger first.
        await Client.PublishRaw("AppealFiled", Payloads.Appeal(caseId, "account-s"));
        await Client.WaitFor<AppealOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "NotInfringing", appeal: true));
        await Client.WaitFor<RestoreContent>(m => m.CaseId == caseId);
        await _system.StartHost(new Dictionary<string, string> { ["Workers__Roles"] = "account-strikes" });
        await Wait.Until(async () => await Client.MessageCount("account-strikes") == 0, TimeSpan.FromSeconds(30), "the retraction to be applied");

        // An operator redrives the strike: it must not land on restored content.
        var errors = new ErrorQueues(new Uri(_system.Vhost.AmqpUri()), new Uri("http://127.0.0.1:15672/"));
        Assert.Equal(1, (await errors.Redrive("account-strikes", null, dryRun: false, null, CancellationToken.None)).Moved);
        await Wait.Until(async () => await Client.MessageCount("account-strikes") == 0, TimeSpan.FromSeconds(30), "the redriven strike to be consumed");
        await Task.Delay(500);

        Assert.Empty(Client.All<RestrictAccount>());
        var account = await _system.Store.Sagas.Find<AccountStrikesState>(DeterministicId.ForAccount("account-s"), CancellationToken.None);
        Assert.Empty(account!.Strikes);
        Assert.Contains(caseId, account.RetractedCases);
    }

    /// <summary>Moves every message of a queue to its error queue, as MassTransit's dead-lettering would.</summary>
    async Task MoveToErrorQueue(string queue)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(_system.Vhost.AmqpUri()) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new RabbitMQ.Client.CreateChannelOptions(true, true));
        await channel.QueueDeclareAsync(queue + "_error", durable: true, exclusive: false, autoDelete: false);
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            await channel.BasicPublishAsync(string.Empty, queue + "_error", mandatory: true, new RabbitMQ.Client.BasicProperties(message.BasicProperties), message.Body);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
        }
    }
}
