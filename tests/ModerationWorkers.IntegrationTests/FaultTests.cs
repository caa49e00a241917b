using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>Real faults against the real broker: a broker restart, a crashed worker process, a locked store.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class FaultTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [SkippableFact]
    public async Task A_broker_restart_mid_stream_loses_no_case()
    {
        Skip.IfNot(LocalBroker.StartedByOurScripts, LocalBroker.WhyNotRestartable);
        await _system.StartHost();
        var stream = new CaseStream("br", 200, accounts: 20);

        await stream.UploadAndFile(Client);
        await Wait.Until(() => Client.All<CaseOpened>().Count >= 20, TimeSpan.FromSeconds(60), "the first cases to open");
        await LocalBroker.Restart();
        await stream.AllOpened(Client, TimeSpan.FromSeconds(120));

        var deciding = stream.Decide(Client, retryFor: TimeSpan.FromSeconds(60));
        await Wait.Until(() => Client.All<CaseClosed>().Count >= 20, TimeSpan.FromSeconds(60), "the first cases to close");
        await LocalBroker.Restart();
        await deciding;

        await stream.AllClosed(Client, TimeSpan.FromSeconds(120));
        stream.AssertExactOutcomes(Client);
    }

    [Fact]
    public async Task Killing_one_worker_process_of_a_multi_process_fleet_loses_nothing()
    {
        // Each role in its own process, each with its own least-privilege broker user.
        var users = await BrokerUsers.Create(_system.Vhost);
        var roles = new[] { "content-intake", "notice-intake", "verdicts", "case-saga", "account-strikes", "timers", "redress", "notifier-standing" };
        var processes = new Dictionary<string, HostProcess>();
        foreach (var role in roles)
            processes[role] = await _system.StartHost(new Dictionary<string, string> { ["RabbitMq__Uri"] = users.Uri(role) }, "--roles", role);
        var stream = new CaseStream("mp", 300, accounts: 20);

        await stream.UploadAndFile(Client);
        await stream.AllOpened(Client, TimeSpan.FromSeconds(90));
        var deciding = stream.Decide(Client);
        await Wait.Until(() => Client.All<CaseClosed>().Count >= 10, TimeSpan.FromSeconds(60), "the first cases to close");
        await processes["case-saga"].Kill();
        await deciding;
        await Task.Delay(500);
        await _system.StartHost(new Dictionary<string, string> { ["RabbitMq__Uri"] = users.Uri("case-saga") }, "--roles", "case-saga");

        await stream.AllClosed(Client, TimeSpan.FromSeconds(120));
        stream.AssertExactOutcomes(Client);
    }

    [Fact]
    public async Task A_locked_store_pauses_the_endpoint_and_only_a_poison_message_reaches_the_error_queue()
    {
        var port = OperationsTests.FreePort();
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage__Sqlite__BusyTimeoutSeconds"] = "1",
            ["Workers__Endpoints__content-intake__RetryLimit"] = "3",
            ["Workers__Endpoints__content-intake__RetryMinInterval"] = "00:00:00.200",
            ["Workers__Endpoints__content-intake__RetryMaxInterval"] = "00:00:00.500",
        });

        await using (var lockHolder = await LockDatabase())
        {
            // Held far longer than every retry together: the endpoint pauses, and says why, instead of dead-lettering.
            await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-locked", "acct-1"));
            await WaitForPaused(port, "content-intake", "sqlite-locked", 1);

            // Bad data still goes to the error queue at once, with its reason: the pause is for the store, not for it.
            await Client.PublishBytes("ContentUploaded", "{ not json"u8.ToArray(), "application/json");
            var poison = await Client.Take("content-intake_error", TimeSpan.FromSeconds(30));
            Assert.NotNull(poison);
            Assert.Contains("not json", System.Text.Encoding.UTF8.GetString(poison.Body.Span), StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.Null(await Client.Take("content-intake_error", TimeSpan.FromSeconds(1)));
            Assert.Null(await _system.Store.Content.Find("c-locked", CancellationToken.None));
        }

        // Released: the held upload is stored and the endpoint consumes again.
        await Wait.Until(async () => await _system.Store.Content.Find("c-locked", CancellationToken.None) is not null,
            TimeSpan.FromSeconds(30), "the held upload to be stored");
        await WaitForPaused(port, "content-intake", "none", 0);
        Assert.Null(await Client.Take("content-intake_error", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_store_locked_for_two_minutes_under_load_dead_letters_nothing_and_every_case_ends_once()
    {
        // The default retries (8, from 50 ms to 5 s, each try waiting 5 s for the lock) run out in about 80 s.
        var port = OperationsTests.FreePort();
        await _system.StartHost(new Dictionary<string, string> { ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var stream = new CaseStream("lk", 60, accounts: 10);
        await stream.UploadAndFile(Client);
        await stream.AllOpened(Client, TimeSpan.FromSeconds(90));

        var lockHolder = await LockDatabase();
        await stream.Decide(Client);
        await WaitForPaused(port, "verdicts", "sqlite-locked", 1);
        await Task.Delay(TimeSpan.FromSeconds(120));
        Assert.Empty(await ErrorQueuesWithMessages());
        Assert.Empty(Client.All<RemoveContent>());
        await lockHolder.DisposeAsync();

        await stream.AllClosed(Client, TimeSpan.FromSeconds(120));
        stream.AssertExactOutcomes(Client);
        Assert.Empty(await ErrorQueuesWithMessages());
    }

    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Waits until /metrics shows the endpoint's moderation_endpoint_paused series with that reason and value.</summary>
    static Task WaitForPaused(int port, string endpoint, string reason, int value) =>
        Wait.Until(async () => (await Http.GetStringAsync($"http://127.0.0.1:{port}/metrics")).Split('\n').Any(line =>
                line.StartsWith("moderation_endpoint_paused{", StringComparison.Ordinal)
                && line.Contains($"endpoint=\"{endpoint}\"", StringComparison.Ordinal)
                && line.Contains($"reason=\"{reason}\"", StringComparison.Ordinal)
                && line.EndsWith($"}} {value}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), $"{endpoint} to show paused {value} ({reason}) in /metrics");

    /// <summary>Every error queue of the test's vhost that holds a message, read off the management API.</summary>
    async Task<List<string>> ErrorQueuesWithMessages()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672/api/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        var queues = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"queues/{Uri.EscapeDataString(_system.Vhost.Name)}?columns=name");
        var failed = new List<string>();
        foreach (var name in queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.EndsWith("_error", StringComparison.Ordinal)))
        {
            if (await Client.MessageCount(name) > 0)
                failed.Add(name);
        }

        return failed;
    }

    /// <summary>Takes SQLite's exclusive lock on the host's database file, as another process could.</summary>
    async Task<SqliteConnection> LockDatabase()
    {
        await _system.Store.Ping(CancellationToken.None);
        var connection = new SqliteConnection($"Data Source={_system.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
