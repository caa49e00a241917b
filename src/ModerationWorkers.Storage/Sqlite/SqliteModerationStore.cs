namespace ModerationWorkers.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, no server.</summary>
public sealed class SqliteModerationStore : IModerationStore
{
    const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sagas (
            kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL,
            timer_due_at INTEGER NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sagas_timer ON sagas (kind, timer_due_at) WHERE timer_due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_sagas_state ON sagas (kind, state);
        CREATE TABLE IF NOT EXISTS content (
            content_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, uploaded_at TEXT NOT NULL,
            fingerprint TEXT NULL, title TEXT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS content_waiters (
            content_id TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (content_id, case_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS notices (
            notice_id TEXT PRIMARY KEY, claim_type TEXT NOT NULL, received_at INTEGER NOT NULL, accepted INTEGER NOT NULL,
            reasons TEXT NOT NULL, content_ids TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_notices_received ON notices (received_at);
        CREATE TABLE IF NOT EXISTS fingerprints (
            fingerprint TEXT NOT NULL, case_id TEXT NOT NULL, notice_id TEXT NOT NULL, content_id TEXT NOT NULL,
            claim_type TEXT NOT NULL, banked_at INTEGER NOT NULL, PRIMARY KEY (fingerprint, case_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit (
            subject_id TEXT NOT NULL, sequence INTEGER NOT NULL, at TEXT NOT NULL, from_state TEXT NULL,
            to_state TEXT NOT NULL, cause_type TEXT NOT NULL, cause_message_id TEXT NULL, decided_by TEXT NOT NULL,
            detail TEXT NULL, PRIMARY KEY (subject_id, sequence)) WITHOUT ROWID;
        """;

    readonly SqliteDatabase _database;

    public SqliteModerationStore(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(options);
        Sagas = new SqliteSagaStore(_database);
        Content = new SqliteContentRegistry(_database);
        Notices = new SqliteNoticeLedger(_database);
        Audit = new SqliteAuditTrail(_database);
        Fingerprints = new SqliteFingerprintBank(_database);
    }

    public ISagaStore Sagas { get; }

    public IContentRegistry Content { get; }

    public INoticeLedger Notices { get; }

    public IAuditTrail Audit { get; }

    public IFingerprintBank Fingerprints { get; }

    public async Task Initialize(CancellationToken cancellationToken)
    {
        // Not through the writer: the journal mode cannot change inside a transaction.
        await using var connection = await _database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection, Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Ping(CancellationToken cancellationToken)
    {
        await using var connection = await _database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection, "SELECT count(*) FROM sagas WHERE 0");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
