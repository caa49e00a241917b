using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ModerationWorkers.Cli.Broker;
using ModerationWorkers.Cli.Simulation;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using RabbitMQ.Client;

namespace ModerationWorkers.IntegrationTests;

/// <summary>modctl against the real broker and store: redrive that survives interruption, simulate, and case lookup.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OperatorCliTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task An_interrupted_redrive_loses_nothing_and_a_resumed_one_finishes_the_job()
    {
        const int Count = 40;
        var ids = await FillErrorQueue("notice-intake", Count);
        var errors = new ErrorQueues(new Uri(_system.Vhost.AmqpUri()), new Uri("http://127.0.0.1:15672/"));

        var listed = Assert.Single(await errors.List("notice-intake", peek: Count, CancellationToken.None));
        Assert.Equal(Count, listed.Messages);
        Assert.Equal(Count, listed.Reasons["The store was locked"]);

        // Interrupted after 15 messages, as a killed operator session would be.
        using var interrupt = new CancellationTokenSource();
        var progress = new Progress15(interrupt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => errors.Redrive("notice-intake", null, dryRun: false, progress, interrupt.Token));

        var inTarget = await Drain("notice-intake");
        var stillFailed = await Drain("notice-intake_error", requeue: true);
        Assert.True(inTarget.Count >= 15, $"{inTarget.Count} moved");
        Assert.Equal(ids.Order(), inTarget.Concat(stillFailed).Distinct().Order());

        var resumed = (await errors.Redrive("notice-intake", null, dryRun: false, null, CancellationToken.None)).Moved;
        Assert.Equal(stillFailed.Count, resumed);
        Assert.Equal(stillFailed.Order(), (await Drain("notice-intake")).Order());
        Assert.Empty(await Drain("notice-intake_error"));
    }

    [Fact]
    public async Task Redrive_of_one_message_id_leaves_the_others()
    {
        var ids = await FillErrorQueue("verdicts", 5);
        Assert.Equal(5, (await Drain("verdicts_error", requeue: true)).Count);
        var errors = new ErrorQueues(new Uri(_system.Vhost.AmqpUri()), new Uri("http://127.0.0.1:15672/"));

        Assert.Equal(1, (await errors.Redrive("verdicts_error", ids[2], dryRun: false, null, CancellationToken.None)).Moved);

        Assert.Equal([ids[2]], await Drain("verdicts"));
        Assert.Equal(ids.Where(id => id != ids[2]).Order(), (await Drain("verdicts_error")).Order());
    }

    [Fact]
    public async Task A_dry_run_redrive_prints_what_it_would_move_as_json_and_moves_nothing()
    {
        var ids = await FillErrorQueue("verdicts", 3);

        var result = await Infrastructure.Modctl.Run(_system.Environment(), "errors", "redrive", "--queue", "verdicts_error", "--all", "--dry-run", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        var queue = Assert.Single(json.RootElement.GetProperty("queues").EnumerateArray());
        Assert.Equal(3, queue.GetProperty("moved").GetInt32());
        Assert.Equal(ids.Order(), queue.GetProperty("messageIds").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Empty(await Drain("verdicts"));
        Assert.Equal(ids.Order(), (await Drain("verdicts_error")).Order());
    }

    [Fact]
    public async Task Redriven_notices_are_processed_once_the_worker_runs()
    {
        await _system.StartHost();
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Notice("n-redriven", "c-redriven"));
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-redriven", "acct-redriven"));
        await PutInErrorQueue("notice-intake", Guid.NewGuid().ToString(), body);
        var errors = new ErrorQueues(new Uri(_system.Vhost.AmqpUri()), new Uri("http://127.0.0.1:15672/"));

        Assert.Equal(1, (await errors.Redrive("notice-intake", null, dryRun: false, null, CancellationToken.None)).Moved);

        var opened = await Client.WaitFor<CaseOpened>(m => m.NoticeId == "n-redriven");
        Assert.Equal(DeterministicId.ForCase("n-redriven", "c-redriven"), opened.CaseId);
    }

    [Fact]
    public async Task Simulate_publishes_a_realistic_stream_and_sees_every_outcome()
    {
        await _system.StartHost();
        var plan = new SimulationPlan("simtest", uploads: 120, notices: 25, infringingRatio: 0.6);

        var summary = await new Simulator(new Uri(_system.Vhost.AmqpUri())).Run(plan, autoReviewer: true, new SimulationProgress(), TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(summary.Complete);
        Assert.Equal(plan.ExpectedCases, summary.CasesOpened);
        Assert.Equal(plan.ExpectedCases, summary.CasesByOutcome.Values.Sum());
        Assert.Equal(plan.ExpectedRejections, summary.NoticesRejected);
        Assert.Equal(summary.CasesByOutcome.GetValueOrDefault("ContentRemoved"), summary.CommandsByType["RemoveContent"]);
        Assert.Equal(summary.CommandsByType["RestrictAccount"], summary.RestrictionsByLevel.Values.Sum());
        Assert.NotNull(summary.NoticeToRemovalP99Ms);
    }

    [Fact]
    public async Task Modctl_case_prints_the_timeline_and_commands_as_json()
    {
        await _system.StartHost();
        var caseId = DeterministicId.ForCase("n-cli", "c-cli");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-cli", "acct-cli"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-cli", "c-cli"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing", "reviewer-7"));
        var removal = await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-cli");

        var (exitCode, output) = await Modctl("case", caseId.ToString(), "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(nameof(CaseStateMachine.Closed), root.GetProperty("state").GetString());
        Assert.Equal([nameof(CaseStateMachine.AwaitingVerdict), nameof(CaseStateMachine.Closed)], root.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("toState").GetString()));
        Assert.Equal("reviewer-7", root.GetProperty("timeline")[1].GetProperty("decidedBy").GetString());
        var commands = root.GetProperty("commands").EnumerateArray().ToList();
        Assert.Contains(commands, c => c.GetProperty("type").GetString() == "RemoveContent" && c.GetProperty("commandId").GetGuid() == removal.CommandId);
        Assert.Contains(commands, c => c.GetProperty("type").GetString() == "RestrictAccount");
    }

    [Fact]
    public async Task A_reviewers_verdict_is_redriven_only_by_the_operator_keeping_its_publisher_and_the_rest_goes_on()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Security__AllowAnyReviewer"] = "false",
            ["Security__ReviewerIds"] = "nobody",
            ["Security__ReviewerPublishers"] = users.User("reviewer"),
        });
        var caseId = DeterministicId.ForCase("n-redrive", "c-redrive");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-redrive", "acct-redrive"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-redrive", "c-redrive"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);

        // A reviewer's verdict dead-lettered as MassTransit leaves it, under the reviewer's broker user_id; and a notice.
        var verdictId = Guid.NewGuid().ToString();
        await PutInErrorQueue("verdicts", verdictId, JsonSerializer.SerializeToUtf8Bytes(Payloads.Verdict(caseId, "Infringing", reviewerId: "someone")),
            users.User("reviewer"), users.Uri("operator"));
        await PutInErrorQueue("notice-intake", Guid.NewGuid().ToString(), JsonSerializer.SerializeToUtf8Bytes(Payloads.Notice("n-after", "c-redrive")));

        // As guest, who may not impersonate: the verdict is kept, said so, and --all goes on with the notice.
        var (exitCode, output) = await Modctl("errors", "redrive", "--all");
        Assert.True(exitCode == 1, output);
        Assert.Contains("verdicts_error: 1 message(s) kept", output, StringComparison.Ordinal);
        await Client.WaitFor<CaseOpened>(m => m.NoticeId == "n-after");
        Assert.Equal([verdictId], await Drain("verdicts_error", requeue: true));
        Assert.Empty(Client.All<RemoveContent>());

        // As the operator: the verdict goes back unchanged, is still the reviewer's, and decides the case.
        var errors = new ErrorQueues(new Uri(users.Uri("operator")), new Uri("http://127.0.0.1:15672/"));
        var redriven = await errors.Redrive("verdicts_error", null, dryRun: false, null, CancellationToken.None);
        Assert.Equal((1, 0), (redriven.Moved, redriven.KeptForeignUser));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        Assert.Contains(_system.Hosts, h => h.OutputText.Contains($"was redriven by operator {users.User("operator")}", StringComparison.Ordinal)
            && h.OutputText.Contains($"published by {users.User("reviewer")}", StringComparison.Ordinal));
    }

    async Task<(int ExitCode, string Output)> Modctl(params string[] arguments)
    {
        var result = await Infrastructure.Modctl.Run(_system.Environment(), arguments);
        return (result.ExitCode, result.Out + result.Error);
    }

    /// <summary>Messages as MassTransit leaves them in an error queue: the body, a message id and the fault headers.</summary>
    async Task<List<string>> FillErrorQueue(string queue, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid().ToString();
            await PutInErrorQueue(queue, id, JsonSerializer.SerializeToUtf8Bytes(new { noticeId = $"n-{i}", claimType = "Copyright" }));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Puts a message in an error queue; with <paramref name="userId"/>, published by <paramref name="asUri"/>'s user as that broker user.</summary>
    async Task PutInErrorQueue(string queue, string messageId, byte[] body, string? userId = null, string? asUri = null)
    {
        await using (var admin = await new ConnectionFactory { Uri = new Uri(_system.Vhost.AmqpUri()) }.CreateConnectionAsync())
        await using (var declare = await admin.CreateChannelAsync())
        {
            await declare.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await declare.QueueDeclareAsync(queue + "_error", durable: true, exclusive: false, autoDelete: false);
        }

        await using var connection = await new ConnectionFactory { Uri = new Uri(asUri ?? _system.Vhost.AmqpUri()) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties
        {
            UserId = userId,
            MessageId = messageId,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("The store was locked"), ["MT-Fault-ExceptionType"] = "SqliteException" },
        };
        await channel.BasicPublishAsync(string.Empty, queue + "_error", mandatory: true, properties, body);
    }

    /// <summary>Reads every message id in a queue; with <paramref name="requeue"/> the queue is left as it was.</summary>
    async Task<List<string>> Drain(string queue, bool requeue = false)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_system.Vhost.AmqpUri()) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: !requeue) is { } message)
        {
            ids.Add(message.BasicProperties.MessageId!);
            Assert.False(message.BasicProperties.Headers?.ContainsKey("MT-Fault-Message") == true && queue.EndsWith("_error", StringComparison.Ordinal) == false,
                "a redriven message still carries its fault headers");
        }

        return ids; // unacked gets go back to the queue when the channel closes
    }

    sealed class Progress15(CancellationTokenSource interrupt) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= 15)
                interrupt.Cancel();
        }
    }
}
