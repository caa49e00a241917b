using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>
/// The SQLite file's tables, and their migration from earlier versions. The version lives in <c>PRAGMA user_version</c>.
/// </summary>
public static class SqliteSchema
{
    /// <summary>
    /// 1: the first release (user_version 0 on disk). 2: <c>sagas</c> and <c>audit</c> became rowid tables. As WITHOUT ROWID
    /// tables they kept whole rows of up to a kilobyte in the B-tree's interior pages too, four to a page: six or seven
    /// levels for 15,000 sagas, and every case row spilled into an overflow page. A rowid table keeps only the key in its index.
    /// 3: <c>notices.digest</c>, a nullable column that processes of version 2 ignore.
    /// 4: the typed audit entry's <c>audit.decision</c> and <c>audit.statement</c>. The rows of earlier versions are
    /// rewritten in that format as the file migrates (a statement was inside <c>detail</c>, a decision was a <c>to_state</c>).
    /// 5: <c>statements</c>, the submissions to the DSA Transparency Database; <c>notices.notifier_kind</c> (trusted flagger).
    /// 6: <c>notices.notifier_id</c>, the notifier's pseudonym, for retractions.
    /// </summary>
    public const int Version = 6;

    const string Tables = """
        CREATE TABLE IF NOT EXISTS sagas (
            kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL,
            timer_due_at INTEGER NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
        CREATE INDEX IF NOT EXISTS ix_sagas_timer ON sagas (kind, timer_due_at) WHERE timer_due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_sagas_state ON sagas (kind, state);
        CREATE TABLE IF NOT EXISTS content (
            content_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, uploaded_at TEXT NOT NULL,
            fingerprint TEXT NULL, title TEXT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS content_waiters (
            content_id TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (content_id, case_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS notices (
            notice_id TEXT PRIMARY KEY, claim_type TEXT NOT NULL, received_at INTEGER NOT NULL, accepted INTEGER NOT NULL,
            reasons TEXT NOT NULL, content_ids TEXT NOT NULL, digest TEXT NULL, notifier_kind TEXT NULL, notifier_id TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_notices_received ON notices (received_at);
        CREATE TABLE IF NOT EXISTS fingerprints (
            fingerprint TEXT NOT NULL, case_id TEXT NOT NULL, notice_id TEXT NOT NULL, content_id TEXT NOT NULL,
            claim_type TEXT NOT NULL, banked_at INTEGER NOT NULL, PRIMARY KEY (fingerprint, case_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit (
            subject_id TEXT NOT NULL, sequence INTEGER NOT NULL, at TEXT NOT NULL, from_state TEXT NULL,
            to_state TEXT NOT NULL, cause_type TEXT NOT NULL, cause_message_id TEXT NULL, decided_by TEXT NOT NULL,
            detail TEXT NULL, decision TEXT NULL, statement TEXT NULL, PRIMARY KEY (subject_id, sequence));
        CREATE TABLE IF NOT EXISTS statements (
            puid TEXT PRIMARY KEY, subject_id TEXT NOT NULL, decision TEXT NOT NULL, state TEXT NOT NULL, at TEXT NOT NULL,
            detail TEXT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_statements_subject ON statements (subject_id);
        """;

    // Version 1's two WITHOUT ROWID tables, rebuilt as rowid tables with the same columns.
    static readonly (string Table, string Columns)[] RebuiltInVersion2 =
    [
        ("sagas", "kind, id, version, state, timer_due_at, data"),
        ("audit", "subject_id, sequence, at, from_state, to_state, cause_type, cause_message_id, decided_by, detail"),
    ];

    // Nullable columns added after version 2, in order: a file of any earlier version gets the ones it lacks.
    static readonly (string Table, string Column)[] AddedColumns =
        [("notices", "digest"), ("audit", "decision"), ("audit", "statement"), ("notices", "notifier_kind"), ("notices", "notifier_id")];

    /// <summary>
    /// How long a starting process waits for the write lock while another one migrates the file: far longer than the
    /// busy timeout of ordinary writes, since rebuilding a large file takes minutes.
    /// </summary>
    const int MigrationLockTimeoutSeconds = 15 * 60;

    /// <summary>
    /// Brings the file to <see cref="Version"/>. Safe when several processes start on one file at once: the write lock is
    /// taken first, so the others wait and then find the work done.
    /// </summary>
    public static async Task Apply(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Not inside the transaction: the journal mode cannot change in one.
        await Execute(connection, "PRAGMA journal_mode = WAL;", cancellationToken);

        // BEGIN as a statement of its own, not BeginTransaction, so it can wait out another process's migration.
        await Execute(connection, "BEGIN IMMEDIATE", cancellationToken, MigrationLockTimeoutSeconds);
        try
        {
            await Migrate(connection, cancellationToken);
            await Execute(connection, "COMMIT", cancellationToken);
        }
        catch
        {
            await Execute(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>The file's schema version, read without changing anything.</summary>
    public static async Task<int> VersionOf(SqliteConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await Scalar(connection, "PRAGMA user_version", cancellationToken));

    static async Task Migrate(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var version = await VersionOf(connection, cancellationToken);
        if (version > Version)
            throw new InvalidOperationException(
                $"The SQLite store {connection.DataSource} has schema version {version}, written by a newer release; this release knows versions up to {Version}.");

        var setAside = new List<(string Table, string Columns)>();
        if (version < 2)
            foreach (var rebuilt in RebuiltInVersion2)
                if (await IsWithoutRowid(connection, rebuilt.Table, cancellationToken))
                {
                    await SetAside(connection, rebuilt.Table, cancellationToken);
                    setAside.Add(rebuilt);
                }

        await Execute(connection, Tables, cancellationToken);
        foreach (var (table, column) in AddedColumns)
            if (!await HasColumn(connection, table, column, cancellationToken))
                await Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} TEXT NULL", cancellationToken);

        foreach (var (table, columns) in setAside)
            await Execute(connection, $"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_v1; DROP TABLE {table}_v1;", cancellationToken);
        if (version < 4)
            await SqliteAuditTrail.UpgradeEarlierRows(connection, cancellationToken);

        await Execute(connection, $"PRAGMA user_version = {Version}", cancellationToken);
    }

    /// <summary>
    /// Renames the old table to <c>&lt;table&gt;_v1</c> and drops its named indexes, which the rename takes along: the new
    /// table's CREATE INDEX IF NOT EXISTS would otherwise find the names taken.
    /// </summary>
    static async Task SetAside(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await Execute(connection, $"ALTER TABLE {table} RENAME TO {table}_v1", cancellationToken);
        var indexes = new List<string>();
        await using (var select = SqliteDatabase.Command(connection,
                         "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = $name AND sql IS NOT NULL", ("$name", $"{table}_v1")))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                indexes.Add(reader.GetString(0));
        foreach (var index in indexes)
            await Execute(connection, $"DROP INDEX {index}", cancellationToken);
    }

    static async Task<bool> HasColumn(SqliteConnection connection, string table, string column, CancellationToken cancellationToken) =>
        Convert.ToInt64(await Scalar(connection, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = $name", cancellationToken, column)) > 0;

    static async Task<bool> IsWithoutRowid(SqliteConnection connection, string table, CancellationToken cancellationToken) =>
        await Scalar(connection, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = $name", cancellationToken, table) is string sql
        && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase);

    static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken cancellationToken, string? name = null)
    {
        await using var command = name is null ? SqliteDatabase.Command(connection, sql) : SqliteDatabase.Command(connection, sql, ("$name", name));
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = SqliteDatabase.Command(connection, sql);
        if (timeoutSeconds is { } timeout)
            command.CommandTimeout = timeout; // Microsoft.Data.Sqlite retries a busy statement until this runs out
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
