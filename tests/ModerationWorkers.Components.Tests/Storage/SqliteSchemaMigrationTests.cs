using Microsoft.Data.Sqlite;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.Sqlite;
using Xunit;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>
/// A file written by the first release (sagas and audit as WITHOUT ROWID tables, no schema version) is migrated in place
/// when a newer worker starts on it, and keeps everything it held.
/// </summary>
public sealed class SqliteSchemaMigrationTests
{
    // The two tables and indexes as the first release created them.
    const string Version1Tables = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE sagas (
            kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL,
            timer_due_at INTEGER NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        CREATE INDEX ix_sagas_timer ON sagas (kind, timer_due_at) WHERE timer_due_at IS NOT NULL;
        CREATE INDEX ix_sagas_state ON sagas (kind, state);
        CREATE TABLE audit (
            subject_id TEXT NOT NULL, sequence INTEGER NOT NULL, at TEXT NOT NULL, from_state TEXT NULL,
            to_state TEXT NOT NULL, cause_type TEXT NOT NULL, cause_message_id TEXT NULL, decided_by TEXT NOT NULL,
            detail TEXT NULL, PRIMARY KEY (subject_id, sequence)) WITHOUT ROWID;
        """;

    static readonly DateTimeOffset Due = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_version_1_file_is_rebuilt_with_rowid_tables_and_keeps_its_sagas_audit_and_indexes()
    {
        var path = NewPath();
        var (timed, closed, subject) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Execute(path, Version1Tables + $$"""
            INSERT INTO sagas VALUES ('cases', '{{timed}}', 3, 'AwaitingVerdict', {{Due.ToUnixTimeMilliseconds()}}, '{"noticeId":"n-1"}');
            INSERT INTO sagas VALUES ('cases', '{{closed}}', 5, 'Closed', NULL, '{"noticeId":"n-2"}');
            INSERT INTO audit VALUES ('{{subject}}', 1, '{{Due:O}}', NULL, 'AwaitingVerdict', 'NoticeFiled', NULL, 'policy', NULL);
            INSERT INTO audit VALUES ('{{subject}}', 2, '{{Due:O}}', 'AwaitingVerdict', 'Closed', 'VerdictReached', NULL, 'reviewer-7', 'removed');
            """);

        var store = new SqliteModerationStore(new SqliteStorageOptions { Path = path });
        await store.Initialize(None);

        Assert.Equal(new SagaDocument(timed, 3, "AwaitingVerdict", Due, """{"noticeId":"n-1"}"""), await store.Sagas.Load(SagaKinds.Cases, timed, None));
        Assert.Equal(new SagaDocument(closed, 5, "Closed", null, """{"noticeId":"n-2"}"""), await store.Sagas.Load(SagaKinds.Cases, closed, None));
        Assert.Equal([new DueTimer(timed, Due)], await store.Sagas.FindDueTimers(SagaKinds.Cases, Due.AddMinutes(1), 10, after: null, None));
        Assert.Equal(
            [
                new AuditEntry(subject, 1, Due, null, "AwaitingVerdict", "NoticeFiled", null, "policy", null),
                new AuditEntry(subject, 2, Due, "AwaitingVerdict", "Closed", "VerdictReached", null, "reviewer-7", Note: "removed"),
            ],
            await store.Audit.Read(subject, None));

        Assert.Equal(
            [
                "audit|CREATE TABLE audit (",
                "ix_sagas_state|CREATE INDEX ix_sagas_state ON sagas (kind, state)",
                "ix_sagas_timer|CREATE INDEX ix_sagas_timer ON sagas (kind, timer_due_at) WHERE timer_due_at IS NOT NULL",
                "sagas|CREATE TABLE sagas (",
            ],
            await Schema(path, "name IN ('sagas', 'audit', 'ix_sagas_state', 'ix_sagas_timer')"));
        Assert.Empty(await Schema(path, "sql LIKE '%WITHOUT ROWID%' AND name IN ('sagas', 'audit')"));
        Assert.Empty(await Schema(path, "name LIKE '%_v1'"));
        Assert.Equal(SqliteSchema.Version, await UserVersion(path));
    }

    [Fact]
    public async Task The_constraints_survive_the_rebuild_and_a_second_start_changes_nothing()
    {
        var path = NewPath();
        var id = Guid.NewGuid();
        await Execute(path, Version1Tables + $"INSERT INTO sagas VALUES ('cases', '{id}', 1, 'Open', NULL, '{{}}');");
        var store = new SqliteModerationStore(new SqliteStorageOptions { Path = path });
        await store.Initialize(None);
        await store.Initialize(None);

        Assert.False(await store.Sagas.TryInsert(SagaKinds.Cases, new SagaDocument(id, 1, "Open", null, "{}"), None));
        var entry = new AuditEntry(id, 1, Due, null, "Open", "OpenCase", null, "policy", Note: "first");
        await store.Audit.Append([entry], None);
        await store.Audit.Append([entry with { Note = "a redelivery" }], None);
        Assert.Equal([entry], await store.Audit.Read(id, None));
    }

    [Fact]
    public async Task A_start_waits_past_the_busy_timeout_while_another_process_holds_the_write_lock()
    {
        var path = NewPath();
        var id = Guid.NewGuid();
        await Execute(path, Version1Tables + $"INSERT INTO sagas VALUES ('cases', '{id}', 1, 'Open', NULL, '{{}}');");
        // Stands for another process migrating the file: it holds the write lock for longer than the busy timeout.
        await using var other = await Open(path);
        await using (var begin = SqliteDatabase.Command(other, "BEGIN IMMEDIATE"))
            await begin.ExecuteNonQueryAsync();
        var store = new SqliteModerationStore(new SqliteStorageOptions { Path = path, BusyTimeoutSeconds = 1 });

        var starting = Task.Run(() => store.Initialize(None)); // SQLite calls block: off the test's thread
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(starting.IsCompleted);
        await using (var commit = SqliteDatabase.Command(other, "COMMIT"))
            await commit.ExecuteNonQueryAsync();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new SagaDocument(id, 1, "Open", null, "{}"), await store.Sagas.Load(SagaKinds.Cases, id, None));
        Assert.Equal(SqliteSchema.Version, await UserVersion(path));
    }

    [Fact]
    public async Task A_file_from_a_newer_release_is_refused_rather_than_changed()
    {
        var path = NewPath();
        await Execute(path, $"PRAGMA user_version = {SqliteSchema.Version + 1}; CREATE TABLE later (x INTEGER);");
        var store = new SqliteModerationStore(new SqliteStorageOptions { Path = path });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Initialize(None));

        Assert.Contains($"schema version {SqliteSchema.Version + 1}", refused.Message);
        Assert.Empty(await Schema(path, "name = 'sagas'"));
    }

    static string NewPath() => Path.Combine(Path.GetTempPath(), "moderation-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>A connection of its own, outside the store's pool, as another process would have.</summary>
    static async Task<SqliteConnection> Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    static async Task Execute(string path, string sql)
    {
        await using var connection = await Open(path);
        await using var command = SqliteDatabase.Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Name and the first line of the SQL of the schema objects matching <paramref name="where"/>.</summary>
    static async Task<List<string>> Schema(string path, string where)
    {
        await using var connection = await Open(path);
        await using var command = SqliteDatabase.Command(connection, $"SELECT name, sql FROM sqlite_schema WHERE {where} ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1).Split('\n')[0].Trim()}");
        return rows;
    }

    static async Task<long> UserVersion(string path)
    {
        await using var connection = await Open(path);
        await using var command = SqliteDatabase.Command(connection, "PRAGMA user_version");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
