using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ModerationWorkers.IntegrationTests;

/// <summary>Who may drive the service: credentials, broker permissions, verdict authority, and what the logs may say.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class SecurityTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Production_refuses_guest_credentials_and_plain_amqp_and_says_why()
    {
        var environment = _system.Environment(new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" });

        var (exitCode, output) = await HostProcess.RunToExit(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RabbitMq:Uri: the default guest credentials are refused in Production", output, StringComparison.Ordinal);
        Assert.Contains("RabbitMq:Uri: Production needs TLS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Workers started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_the_embedded_store_unless_every_process_shares_its_file()
    {
        var environment = _system.Environment(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["RabbitMq__AllowInsecure"] = "true",
            ["Security__ReviewerIds"] = "reviewer-1",
        });

        var (exitCode, output) = await HostProcess.RunToExit(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:Sqlite:AllowInProduction: SQLite is refused in Production", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Workers started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_a_plain_http_transparency_database()
    {
        var environment = _system.Environment(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["RabbitMq__AllowInsecure"] = "true",
            ["Security__ReviewerIds"] = "reviewer-1",
            ["Storage__Sqlite__AllowInProduction"] = "true",
            ["TransparencyDatabase__Endpoint"] = "http://transparency.example/",
            ["TransparencyDatabase__Token"] = "secret-token-4471",
        });

        var (exitCode, output) = await HostProcess.RunToExit(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("TransparencyDatabase:Endpoint: Production needs https://", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-4471", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Workers started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_with_guest_only_when_explicitly_allowed()
    {
        await _system.StartHost(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Storage__Sqlite__AllowInProduction"] = "true",
            ["RabbitMq__AllowInsecure"] = "true",
            ["Security__ReviewerIds"] = "reviewer-1",
        });

        await Client.PublishRaw("NoticeFiled", new { noticeId = "n-prod", claimType = "Copyright" });
        await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-prod");
    }

    [Fact]
    public async Task The_platform_publisher_may_publish_inbound_events_but_not_commands_nor_read_notice_queues()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost();

        await using (var platform = await RawClient.Connect(users.Uri("platform"), listen: false))
        {
            await platform.PublishRaw("NoticeFiled", new { noticeId = "n-platform", claimType = "Copyright" });
            await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-platform");
        }

        foreach (var command in new[] { "RemoveContent", "RestrictAccount" })
        {
            await using var platform = await RawClient.Connect(users.Uri("platform"), listen: false);
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => platform.PublishRaw(command, new { commandId = Guid.NewGuid() }));
            Assert.Contains("403", refused.ToString(), StringComparison.Ordinal);
        }

        foreach (var queue in new[] { "notice-intake", "notice-intake_error" })
        {
            var factory = new ConnectionFactory { Uri = new Uri(users.Uri("platform")) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync(queue, autoAck: false));
            Assert.Equal(403, refused.ShutdownReason!.ReplyCode);
        }
    }

    [Fact]
    public async Task Only_allowed_reviewers_or_reviewer_publishers_decide_cases()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Security__AllowAnyReviewer"] = "false",
            ["Security__ReviewerIds"] = "reviewer-ok",
            ["Security__ReviewerPublishers"] = users.User("reviewer"),
        });
        var first = DeterministicId.ForCase("n-auth-1", "c-auth-1");
        var second = DeterministicId.ForCase("n-auth-2", "c-auth-2");
        foreach (var (notice, content) in new[] { ("n-auth-1", "c-auth-1"), ("n-auth-2", "c-auth-2") })
        {
            await Client.PublishRaw("ContentUploaded", Payloads.Upload(content, "acct-auth"));
            await Client.PublishRaw("NoticeFiled", Payloads.Notice(notice, content));
        }
        await Client.WaitForCount<CaseOpened>(2);

        // An intruder with the guest user and an unlisted reviewer id changes nothing.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(first, "Infringing", reviewerId: "intruder"));
        await WaitForLog("ignored: neither the reviewer nor the publisher");
        Assert.Empty(Client.All<RemoveContent>());
        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), (await _system.Case(first))!.CurrentState);

        // A listed reviewer id decides.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(first, "Infringing", reviewerId: "reviewer-ok"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == first);

        // So does any reviewer id published by the reviewer role, proven by the broker-checked user_id.
        await using var reviewer = await RawClient.Connect(users.Uri("reviewer"), listen: false);
        await reviewer.PublishBytes("VerdictReached",
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Payloads.Verdict(second, "Infringing", reviewerId: "someone-new")),
            "application/json", userId: users.User("reviewer"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == second);

        // The intruder's verdict was acked: neither dead-lettered nor moved aside as skipped, so no redrive can launder it.
        Assert.Equal(0u, await MessagesIn("verdicts_error"));
        Assert.Equal(0u, await MessagesIn("verdicts_skipped"));
    }

    [Fact]
    public async Task A_full_case_logs_no_personal_data_of_the_notifier_even_at_verbose_level()
    {
        var host = await _system.StartHost(new Dictionary<string, string>
        {
            ["Serilog__MinimumLevel__Default"] = "Verbose",
            ["Serilog__MinimumLevel__Override__MassTransit"] = "Verbose",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Verbose",
        });
        var caseId = DeterministicId.ForCase("n-pii", "c-pii");

        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-pii", "acct-pii"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-pii", "c-pii"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-pii");
        await Task.Delay(500);

        var logs = host.OutputText;
        Assert.Contains("n-pii", logs, StringComparison.Ordinal);
        foreach (var personal in new[] { "Ada Rights", "ada@rights.example", "Rights Ltd", "Signature-7731" })
            Assert.DoesNotContain(personal, logs, StringComparison.OrdinalIgnoreCase);
    }

    const string C = "ModerationWorkers.Contracts:";

    static readonly string[] Inbound =
    [
        "ContentUploaded", "NoticeFiled", "VerdictReached", "CounterNoticeFiled", "AppealFiled", "LegalActionFiled", "LegalActionConcluded",
        "NoticeComplaintFiled", "NoticeRetracted",
    ];

    /// <summary>The operator's overrides, since issue 18: only the operator user may publish them, and it may publish nothing else of the contract.</summary>
    static readonly string[] Overrides = ["DismissStrike", "LiftNotifierSuspension"];

    static readonly string[] CaseSagaPublishes =
    [
        "CaseOpened", "NoticeRejected", "RemoveContent", "CaseClosed", "RestoreContent", "CounterNoticeReceived", "CounterNoticeRejected",
        "AppealOpened", "AppealRejected", "AppealDecided", "LegalActionRejected", "NoticeDecided", "NoticeComplaintRejected",
    ];

    static readonly string[] RedressQueues = ["counter-notices", "appeals", "legal-actions", "legal-action-outcomes", "notice-complaints", "notice-retractions"];

    /// <summary>
    /// What each broker user needs, stated here on its own: the queues it reads, the queues it declares (its own, and
    /// those it sends to, so a command never waits on an unbound exchange), and the exchanges it writes.
    /// </summary>
    static readonly Dictionary<string, (string[] Reads, string[] Declares, string[] Writes)> Needs = new()
    {
        ["platform"] = ([], [], [.. Inbound.Select(m => C + m)]),
        ["reviewer"] = ([], [], [C + "VerdictReached"]),
        ["downstream"] = ([], [], []),
        ["operator"] = ([], [], [.. Overrides.Select(m => C + m)]),
        ["keda"] = ([], [], []),
        ["content-intake"] = (["content-intake"], ["content-intake", "case-saga"], ["content-intake", "case-saga", "case-saga.inbox"]),
        ["notice-intake"] = (["notice-intake"], ["notice-intake", "case-saga", "case-saga-priority"],
            ["notice-intake", C + "NoticeRejected", "case-saga", "case-saga.inbox", "case-saga-priority", "case-saga-priority.inbox"]),
        // Since issue 20 the case saga itself, on the verdicts queue.
        ["verdicts"] = (["verdicts"], ["verdicts", "notice-outcomes", "account-strikes", "notifier-standing"],
            ["verdicts", "notice-outcomes", "notice-outcomes.inbox", "account-strikes", "account-strikes.inbox", "notifier-standing", "notifier-standing.inbox",
             .. CaseSagaPublishes.Select(m => C + m)]),
        ["redress"] = ([.. RedressQueues], [.. RedressQueues, "case-saga", "case-saga-priority"],
            [.. RedressQueues, "case-saga", "case-saga.inbox", "case-saga-priority", "case-saga-priority.inbox", C + "NoticeRetractionRejected"]),
        ["case-saga"] = (["case-saga", "case-saga-priority", "notice-outcomes"], ["case-saga", "case-saga-priority", "notice-outcomes", "account-strikes", "notifier-standing"],
            ["case-saga", "case-saga-priority", "notice-outcomes", "notice-outcomes.inbox", "account-strikes", "account-strikes.inbox", "notifier-standing",
             "notifier-standing.inbox", .. CaseSagaPublishes.Select(m => C + m)]),
        ["account-strikes"] = (["account-strikes", "account-overrides"], ["account-strikes", "account-overrides"],
            ["account-strikes", "account-overrides", "account-strikes.inbox", C + "RestrictAccount", C + "StrikeDismissed", C + "OverrideRejected"]),
        ["notifier-standing"] = (["notifier-standing", "notifier-overrides"], ["notifier-standing", "notifier-overrides"],
            ["notifier-standing", "notifier-overrides", "notifier-standing.inbox", C + "NotifierWarned", C + "NotifierSuspended", C + "NotifierSuspensionLifted",
             C + "OverrideRejected"]),
        ["timers"] = ([], ["case-saga"], ["case-saga", "case-saga.inbox"]),
        ["transparency-db"] = (["transparency-db"], ["transparency-db"], ["transparency-db"]),
    };

    [Fact]
    public async Task Each_broker_user_may_do_exactly_what_its_role_needs_and_is_refused_everything_else()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        // Every role, the optional one too, so every queue exists; the database's address is never called.
        var host = await _system.StartHost(new Dictionary<string, string>
        {
            ["TransparencyDatabase__Endpoint"] = "http://127.0.0.1:9/",
            ["TransparencyDatabase__Token"] = "unused",
        });
        await host.Kill(); // the topology stays; nothing consumes what the probes publish

        var roles = Components.Configuration.WorkerRole.All.Concat(Components.Configuration.WorkerRole.Optional);
        var queues = roles.SelectMany(Components.Configuration.WorkerRole.QueuesOf).ToList();
        var contract = Inbound.Concat(CaseSagaPublishes).Concat(Overrides)
            .Concat(["RestrictAccount", "NotifierWarned", "NotifierSuspended", "StrikeDismissed", "NotifierSuspensionLifted", "OverrideRejected", "NoticeRetractionRejected"])
            .Select(m => C + m);
        var exchanges = contract.Concat(queues).Concat(queues.SelectMany(Components.Messages.QueueNames.InboxesOf)).Distinct().ToList();
        await using (var admin = await Connect(_system.Vhost.AmqpUri()))
        {
            // Every exchange exists, so a probe's refusal is the permission's, never a 404.
            foreach (var exchange in exchanges)
                await using (var channel = await admin.CreateChannelAsync())
                    await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        }

        var wrong = new List<string>();
        foreach (var (role, needs) in Needs)
        {
            await using var connection = await Connect(users.Uri(role));
            foreach (var queue in queues)
            {
                var reads = needs.Reads.Contains(queue);
                Check(wrong, role, $"get {queue}", reads, await Refused(connection, c => c.BasicGetAsync(queue, autoAck: false)));
                Check(wrong, role, $"purge {queue}", reads, await Refused(connection, c => c.QueuePurgeAsync(queue)));
                Check(wrong, role, $"declare {queue}", needs.Declares.Contains(queue),
                    await Refused(connection, c => c.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false)));
            }

            foreach (var exchange in exchanges)
            {
                var writes = needs.Writes.Contains(exchange);
                Check(wrong, role, $"publish to {exchange}", writes, await Refused(connection, async c =>
                    await c.BasicPublishAsync(exchange, string.Empty, mandatory: false, new BasicProperties(), "{}"u8.ToArray())));
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task The_keda_user_reads_queue_lengths_through_the_management_api_and_nothing_else()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        var host = await _system.StartHost();
        await host.Kill(); // the queues stay, and nothing consumes what is published now
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-keda", "acct-keda"));

        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{users.User("keda")}:{BrokerUsers.Password}")));
        var path = $"api/queues/{Uri.EscapeDataString(_system.Vhost.Name)}/content-intake";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long messages;
        do
        {
            // The management API refreshes its counts every few seconds.
            await Task.Delay(500);
            var queue = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, path);
            messages = queue.TryGetProperty("messages", out var count) ? count.GetInt64() : 0;
        }
        while (messages < 1 && DateTime.UtcNow < deadline);
        Assert.Equal(1, messages);

        // It may not read the messages themselves, nor connect over AMQP to do anything (the matrix test covers the rest).
        var peek = await http.PostAsync($"{path}/get",
            new StringContent("""{"count":1,"ackmode":"ack_requeue_true","encoding":"auto"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, peek.StatusCode);
    }

    [Fact]
    public async Task A_verdict_sent_by_another_worker_is_ignored_and_the_case_stays_open()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost(new Dictionary<string, string> { ["Security__AllowAnyReviewer"] = "false", ["Security__ReviewerIds"] = "reviewer-ok" });
        var caseId = DeterministicId.ForCase("n-forged", "c-forged");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-forged", "acct-forged"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-forged", "c-forged"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);

        // The content-intake user may write the case saga's inbox, so it tries to decide the case itself.
        await using var connection = await Connect(users.Uri("content-intake"));
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var forged = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            caseId, verdict = "Infringing", reviewerId = "reviewer-ok", decidedAt = "2026-11-30T10:00:00+00:00", appeal = false,
        });
        await channel.BasicPublishAsync("case-saga.inbox", string.Empty, mandatory: false, new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
            Headers = new Dictionary<string, object?> { ["MT-MessageType"] = "urn:message:ModerationWorkers.Contracts:VerdictReached" },
        }, forged);

        await WaitForLog("it came in on queue case-saga, not verdicts");
        Assert.Empty(Client.All<RemoveContent>());
        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), (await _system.Case(caseId))!.CurrentState);
        // Acked, not dead-lettered nor skipped: a redrive must never be able to launder it.
        Assert.Equal(0u, await MessagesIn("case-saga_error"));
        Assert.Equal(0u, await MessagesIn("case-saga_skipped"));

        // The same decision through VerdictReached, from a listed reviewer, is enforced.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing", reviewerId: "reviewer-ok"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
    }

    [Fact]
    public async Task The_verdicts_queue_reads_every_message_as_a_verdict_and_refuses_an_envelope_of_another_type()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        var security = new Dictionary<string, string> { ["Security__AllowAnyReviewer"] = "false", ["Security__ReviewerIds"] = "reviewer-ok" };
        await _system.StartHost(new Dictionary<string, string>(security)
        {
            ["Workers__Roles"] = "content-intake,notice-intake,case-saga,account-strikes,timers,redress,notifier-standing",
        });
        // The verdicts role as its own broker user, so every refusal below also goes through that user's permissions.
        await _system.StartHost(new Dictionary<string, string>(security) { ["Workers__Roles"] = "verdicts", ["RabbitMq__Uri"] = users.Uri("verdicts") });
        var caseId = DeterministicId.ForCase("n-typed", "c-typed");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-typed", "acct-typed"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-typed", "c-typed"));
        var opened = await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);

        // A reviewer may write the VerdictReached exchange, whose queue is the case saga's own: it claims an internal
        // command there, once in raw JSON (read as the verdict its exchange names) and once in an envelope (refused).
        await using var connection = await Connect(users.Uri("reviewer"));
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var withdraw = "urn:message:ModerationWorkers.Components.Messages:WithdrawCase";
        await channel.BasicPublishAsync("ModerationWorkers.Contracts:VerdictReached", string.Empty, mandatory: true, new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
            Headers = new Dictionary<string, object?> { ["MT-MessageType"] = withdraw },
        }, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { caseId, noticeId = opened.NoticeId, retractedAt = "2026-11-30T10:00:00+00:00" }));
        var envelope = $$"""
            { "messageId": "{{Guid.NewGuid()}}", "messageType": ["{{withdraw}}"],
              "message": { "caseId": "{{caseId}}", "noticeId": "{{opened.NoticeId}}", "retractedAt": "2026-11-30T10:00:00+00:00" } }
            """;
        await channel.BasicPublishAsync("ModerationWorkers.Contracts:VerdictReached", string.Empty, mandatory: true, new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
        }, System.Text.Encoding.UTF8.GetBytes(envelope));

        var reasons = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var faulted = await Client.Take("verdicts_error", TimeSpan.FromSeconds(20));
            Assert.NotNull(faulted);
            reasons.Add(RawClient.Header(faulted, "MT-Fault-Message"));
        }

        // The raw one is a verdict without its verdict fields; the envelope is not a verdict at all.
        Assert.Contains(reasons, r => r.Contains("reviewerId", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("takes only VerdictReached", StringComparison.Ordinal) && r.Contains("WithdrawCase", StringComparison.Ordinal));
        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), (await _system.Case(caseId))!.CurrentState);
        Assert.Empty(Client.All<CaseClosed>());

        // A raw verdict without a type header, the way every platform publishes it, decides the case.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "NotInfringing", reviewerId: "reviewer-ok"));
        await Client.WaitFor<CaseClosed>(m => m.CaseId == caseId);
    }

    async Task<uint> MessagesIn(string queue)
    {
        await using var connection = await Connect(_system.Vhost.AmqpUri());
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // never created: nothing was ever dead-lettered there
        }
    }

    static void Check(List<string> wrong, string role, string what, bool needed, bool refused)
    {
        if (needed == refused)
            wrong.Add($"{role}: {what} was {(refused ? "refused but is needed" : "allowed but is not needed")}");
    }

    static async Task<IConnection> Connect(string uri) => await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();

    /// <summary>Runs one operation on a fresh channel: true when the broker refuses it with 403 (a refusal closes the channel).</summary>
    static async Task<bool> Refused(IConnection connection, Func<IChannel, Task> operation)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await operation(channel);
            return false;
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            var code = (ex as OperationInterruptedException)?.ShutdownReason?.ReplyCode ?? channel.CloseReason?.ReplyCode;
            if (code is not 403)
                throw new InvalidOperationException($"the broker answered {code}, not 403", ex);
            return true;
        }
    }

    async Task WaitForLog(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!_system.Hosts.Any(h => h.OutputText.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line with '{text}'");
            await Task.Delay(50);
        }
    }
}
