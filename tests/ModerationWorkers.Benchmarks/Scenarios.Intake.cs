using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Benchmarks;

static partial class Scenarios
{
    /// <summary>ContentUploaded events published and consumed by the content-intake role on the embedded store, until all are stored.</summary>
    public static async Task<double> Intake(BenchSettings settings)
    {
        await using var broker = await Broker.CreateVhost("intake");
        var database = TempDatabase();
        await using var worker = await WorkerProcess.Start(broker.Uri, database, "--roles", "content-intake");
        await using var publisher = await ConfirmingPublisher.Connect(broker.Uri);

        // Warm-up: the JIT needs a long run on two cores before figures mean anything.
        await PublishUploads(publisher, "w", settings.IntakeWarmup, accounts: 5000);
        await WaitForStoredContent(database, "w", settings.IntakeWarmup);

        var start = Stopwatch.GetTimestamp();
        await PublishUploads(publisher, "m", settings.IntakeEvents, accounts: 5000);
        await WaitForStoredContent(database, "m", settings.IntakeEvents);
        return settings.IntakeEvents / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    static async Task PublishUploads(ConfirmingPublisher publisher, string prefix, int count, int accounts)
    {
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishJson("ModerationWorkers.Contracts:ContentUploaded", new
            {
                contentId = $"{prefix}{i}",
                accountId = $"account-{prefix}{i % accounts}",
                uploadedAt = DateTimeOffset.UtcNow,
                fingerprint = $"sha256:{prefix}{i}",
            });
        }

        await publisher.Flush();
    }

    static async Task WaitForStoredContent(string database, string prefix, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM content WHERE content_id >= $from AND content_id < $to";
            command.Parameters.AddWithValue("$from", prefix);
            command.Parameters.AddWithValue("$to", prefix + "\uffff");
            if ((long)(await command.ExecuteScalarAsync())! >= expected)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"fewer than {expected} uploads were stored in time");
            await Task.Delay(20);
        }
    }

    static string TempDatabase() => Path.Combine(Path.GetTempPath(), "moderation-bench", Guid.NewGuid().ToString("N"), "moderation.db");
}
