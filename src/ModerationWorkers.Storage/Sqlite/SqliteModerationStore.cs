namespace ModerationWorkers.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, no server.</summary>
public sealed class SqliteModerationStore : IModerationStore
{
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
        // Not through the writer: the schema work sets the journal mode, which cannot change inside the writer's transaction.
        await using var connection = await _database.Open(cancellationToken);
        await SqliteSchema.Apply(connection, cancellationToken);
    }

    public async Task Ping(CancellationToken cancellationToken)
    {
        await using var connection = await _database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection, "SELECT count(*) FROM sagas WHERE 0");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
