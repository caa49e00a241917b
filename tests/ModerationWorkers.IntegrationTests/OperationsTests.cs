using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>How operators run the fleet: roles as processes, scaling, SIGTERM, option errors, metrics, health and logs.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OperationsTests : IAsyncLifetime
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Two_case_saga_processes_share_the_cases_and_every_case_ends_correctly()
    {
        foreach (var role in new[] { "content-intake", "notice-intake", "account-strikes", "timers" })
            await _system.StartHost("--roles", role);
        // The case saga runs in both roles since issue 20: cases open on case-saga and are decided on verdicts.
        var sagaA = await _system.StartHost("--roles", "case-saga,verdicts");
        var sagaB = await _system.StartHost(new Dictionary<string, string> { ["Workers__Roles"] = "case-saga,verdicts" });
        var stream = new CaseStream("sc", 200, accounts: 20);

        await stream.UploadAndFile(Client);
        await stream.AllOpened(Client, TimeSpan.FromSeconds(90));
        await stream.Decide(Client);
        await stream.AllClosed(Client, TimeSpan.FromSeconds(90));

        stream.AssertExactOutcomes(Client, allowRepublished: false);
        var closedByA = Count(sagaA, "closed:");
        var closedByB = Count(sagaB, "closed:");
        Assert.Equal(stream.Cases.Count, closedByA + closedByB);
        Assert.True(closedByA > 0 && closedByB > 0, $"both saga processes should close cases: {closedByA} and {closedByB}");
    }

    [Fact]
    public async Task Sigterm_mid_stream_exits_zero_within_the_grace_period_and_loses_nothing()
    {
        var host = await _system.StartHost(new Dictionary<string, string> { ["Workers__ShutdownGrace"] = "00:00:10" });
        var stream = new CaseStream("st", 150, accounts: 10);
        await stream.UploadAndFile(Client);
        await stream.AllOpened(Client, TimeSpan.FromSeconds(60));

        var deciding = stream.Decide(Client);
        await Wait.Until(() => Client.All<CaseClosed>().Count >= 10, TimeSpan.FromSeconds(60), "the first cases to close");
        var exitCode = await host.Terminate(within: TimeSpan.FromSeconds(20));
        await deciding;

        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", host.OutputText, StringComparison.Ordinal);
        await _system.StartHost();
        await stream.AllClosed(Client, TimeSpan.FromSeconds(90));
        stream.AssertExactOutcomes(Client);
    }

    [Theory]
    [InlineData("Policy__ContentWaitTimeout", "-00:01:00", "Policy:ContentWaitTimeout")]
    [InlineData("Workers__Roles", "content-intake,bogus", "Workers:Roles")]
    [InlineData("RabbitMq__Uri", "not a uri", "RabbitMq:Uri")]
    [InlineData("Workers__Endpoints__verdicts__PrefetchCount", "0", "Workers:Endpoints:verdicts:PrefetchCount")]
    [InlineData("Observability__Port", "70000", "Observability:Port")]
    [InlineData("Observability__Otlp__Metrics", "true", "Observability:Otlp")]
    public async Task A_bad_option_stops_the_host_with_one_line_naming_the_key(string key, string value, string named)
    {
        var (exitCode, output) = await HostProcess.RunToExit(_system.Environment(new Dictionary<string, string> { [key] = value }), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var fatal = Assert.Single(output.Split('\n'), line => line.Contains("FTL", StringComparison.Ordinal));
        Assert.Contains(named, fatal, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_schema_migration_waits_the_host_is_live_but_not_ready_and_consumes_nothing()
    {
        // Another process holds the write lock, as a long migration by another replica would: this host's migration waits.
        var port = FreePort();
        await _system.Store.Initialize(CancellationToken.None);
        var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_system.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        await _system.StartHost(new Dictionary<string, string> { ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-migrating", "acct-1"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode);
        var notReady = await Http.GetAsync($"http://127.0.0.1:{port}/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Null(await _system.Store.Content.Find("c-migrating", CancellationToken.None));

        await blocker.DisposeAsync();
        await Wait.Until(async () => (await Http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the host to become ready");
        await Wait.Until(async () => await _system.Store.Content.Find("c-migrating", CancellationToken.None) is not null,
            TimeSpan.FromSeconds(30), "the held upload to be stored");
    }

    [Fact]
    public async Task A_malformed_mongodb_connection_string_stops_the_host_naming_the_key_and_never_its_password()
    {
        var environment = _system.Environment(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "MongoDb",
            ["Storage__MongoDb__ConnectionString"] = "mongodb://moderation:Sup3r-Secret-Pw@db.example:notaport/?replicaSet=rs0",
        });

        var (exitCode, output) = await HostProcess.RunToExit(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:MongoDb:ConnectionString: is not a valid MongoDB connection string", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r-Secret-Pw", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_and_health_endpoints_answer_on_the_configured_port()
    {
        var port = FreePort();
        await _system.StartHost(new Dictionary<string, string> { ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var caseId = DeterministicId.ForCase("n-metrics", "c-metrics");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-metrics", "acct-metrics"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-metrics", "c-metrics"));
        await Client.PublishRaw("NoticeFiled", new { noticeId = "n-metrics-bad", claimType = "Copyright" });
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-metrics");

        var live = await Http.GetAsync($"http://127.0.0.1:{port}/health/live");
        var ready = await Http.GetAsync($"http://127.0.0.1:{port}/health/ready");
        var metrics = await Wait.ForText(() => Http.GetStringAsync($"http://127.0.0.1:{port}/metrics"), "moderation_restrictions_total");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        foreach (var series in new[]
        {
            "moderation_notices_received_total", "moderation_notices_accepted_total", "moderation_notices_rejected_total{",
            "reason=\"MissingSignature\"", "moderation_cases_opened_total", "moderation_cases_closed_total{", "outcome=\"ContentRemoved\"",
            "moderation_commands_published_total{", "type=\"RemoveContent\"", "moderation_strikes_total", "level=\"Warning\"",
            "moderation_notice_to_removal_seconds_bucket", "messaging_masstransit_consume_",
        })
        {
            Assert.Contains(series, metrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ready_stays_false_while_the_broker_cannot_be_reached()
    {
        var port = FreePort();
        var host = await HostProcess.StartWithoutWaiting(_system.Environment(new Dictionary<string, string>
        {
            ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq__Uri"] = "amqp://guest:guest@127.0.0.1:5672/no-such-vhost",
        }));
        await using var _ = host;

        var live = await Wait.ForResponse(() => Http.GetAsync($"http://127.0.0.1:{port}/health/live"));
        var ready = await Http.GetAsync($"http://127.0.0.1:{port}/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Quorum_queues_are_an_option()
    {
        await _system.StartHost(new Dictionary<string, string> { ["RabbitMq__QuorumQueues"] = "true" });

        foreach (var queue in new[] { "content-intake", "notice-intake", "verdicts", "case-saga", "account-strikes" })
            Assert.Equal("quorum", await _system.Vhost.QueueType(queue));
    }

    [Fact]
    public async Task Production_logs_are_json_and_every_case_line_names_the_case_notice_and_content()
    {
        var host = await _system.StartHost(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Storage__Sqlite__AllowInProduction"] = "true",
            ["RabbitMq__AllowInsecure"] = "true",
            ["Security__ReviewerIds"] = "reviewer-1",
        });
        var caseId = DeterministicId.ForCase("n-logs", "c-logs");
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-logs", "c-logs"));
        await Wait.Until(async () => (await _system.Case(caseId))?.CurrentState == nameof(CaseStateMachine.AwaitingContent), TimeSpan.FromSeconds(30), "the case to wait");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-logs", "acct-logs"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-logs");
        await Task.Delay(500);

        var events = host.Output.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(events);
        var caseLines = events.Where(e => e.TryGetProperty("CaseId", out _)).ToList();
        Assert.True(caseLines.Count >= 4, $"expected the case's lines, got {caseLines.Count}");
        Assert.All(caseLines, e =>
        {
            Assert.Equal(caseId.ToString(), e.GetProperty("CaseId").GetString());
            Assert.Equal("n-logs", e.GetProperty("NoticeId").GetString());
            Assert.Equal("c-logs", e.GetProperty("ContentId").GetString());
        });
    }

    static int Count(HostProcess host, string text) => host.Output.Count(l => l.Contains(text, StringComparison.Ordinal));

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
