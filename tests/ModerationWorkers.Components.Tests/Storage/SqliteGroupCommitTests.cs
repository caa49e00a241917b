using Microsoft.Data.Sqlite;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.Sqlite;
using Xunit;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>
/// The SQLite writer commits the writes that queue up together. Each must still behave as a transaction of its own:
/// a failing write takes nothing else down and leaves nothing behind, and a write reports success only once committed.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task A_failing_write_rolls_back_alone_while_the_writes_batched_with_it_commit()
    {
        var database = await NewDatabase();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Holds the writer's transaction open, so the writes below queue up and go into one batch together.
        var blocker = database.Write(async (connection, _) =>
        {
            await Insert(connection, "blocker");
            await gate.Task;
        }, CancellationToken.None);

        var writes = Enumerable.Range(0, 20).Select(i => i == 7
            ? database.Write(async (connection, _) =>
            {
                await Insert(connection, "failing");
                throw new InvalidOperationException("refused after its first statement");
            }, CancellationToken.None)
            : database.Write((connection, _) => Insert(connection, $"row-{i}"), CancellationToken.None)).ToList();

        gate.SetResult();
        await blocker;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[7]);
        Assert.Equal("refused after its first statement", failure.Message);
        foreach (var write in writes.Where((_, i) => i != 7))
            await write;

        var expected = Enumerable.Range(0, 20).Where(i => i != 7).Select(i => $"row-{i}").Append("blocker").Order(StringComparer.Ordinal);
        Assert.Equal(expected, await Rows(database));
    }

    [Fact]
    public async Task A_write_is_visible_to_other_connections_once_its_task_completes()
    {
        var database = await NewDatabase();

        await database.Write((connection, _) => Insert(connection, "committed"), CancellationToken.None);

        Assert.Equal(["committed"], await Rows(database));
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_the_writer_never_runs()
    {
        var database = await NewDatabase();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = database.Write(async (connection, _) => await gate.Task, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var cancelled = database.Write((connection, _) => Insert(connection, "cancelled"), cancellation.Token);

        await cancellation.CancelAsync();
        gate.SetResult();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await database.Write((connection, _) => Insert(connection, "after"), CancellationToken.None);
        Assert.Equal(["after"], await Rows(database));
    }

    static async Task<SqliteDatabase> NewDatabase()
    {
        var database = new SqliteDatabase(new SqliteStorageOptions { Path = Path.Combine(Path.GetTempPath(), "moderation-tests", $"{Guid.NewGuid():N}.db") });
        await using var connection = await database.Open(CancellationToken.None);
        await using var create = SqliteDatabase.Command(connection, "PRAGMA journal_mode = WAL; CREATE TABLE rows (name TEXT PRIMARY KEY)");
        await create.ExecuteNonQueryAsync();
        return database;
    }

    static async Task Insert(SqliteConnection connection, string name)
    {
        await using var insert = SqliteDatabase.Command(connection, "INSERT INTO rows (name) VALUES ($name)", ("$name", name));
        await insert.ExecuteNonQueryAsync();
    }

    static async Task<List<string>> Rows(SqliteDatabase database)
    {
        await using var connection = await database.Open(CancellationToken.None);
        await using var select = SqliteDatabase.Command(connection, "SELECT name FROM rows ORDER BY name");
        await using var reader = await select.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }
}
