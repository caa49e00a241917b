using Microsoft.Data.Sqlite;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;

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
    public async Task A_locked_store_is_retried_with_backoff_then_dead_lettered_with_the_reason()
    {
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Storage__Sqlite__BusyTimeoutSeconds"] = "1",
            ["Workers__Endpoints__content-intake__RetryLimit"] = "3",
            ["Workers__Endpoints__content-intake__RetryMinInterval"] = "00:00:00.200",
            ["Workers__Endpoints__content-intake__RetryMaxInterval"] = "00:00:00.500",
        });

        // Held for longer than every retry together: the upload is moved to the error queue, not lost or acked.
        await using (var lockHolder = await LockDatabase())
        {
            await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-locked", "acct-1"));
            var failed = await Client.Take("content-intake_error", TimeSpan.FromSeconds(30));
            Assert.NotNull(failed);
            Assert.Contains("locked", RawClient.Header(failed, "MT-Fault-Message"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("c-locked", System.Text.Encoding.UTF8.GetString(failed.Body.Span), StringComparison.Ordinal);
        }

        // Held briefly: a retry after the lock is released stores the upload.
        var briefLock = await LockDatabase();
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-retried", "acct-1"));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await briefLock.DisposeAsync();

        await Wait.Until(async () => await _system.Store.Content.Find("c-retried", CancellationToken.None) is not null,
            TimeSpan.FromSeconds(20), "the retried upload to be stored");
        Assert.Null(await _system.Store.Content.Find("c-locked", CancellationToken.None));
        Assert.Null(await Client.Take("content-intake_error", TimeSpan.FromSeconds(1)));
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
