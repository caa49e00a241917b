using ModerationWorkers.SagaInfrastructure;
namespace ModerationWorkers.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, no server.</summary>
public sealed class SqliteModerationStore : IModerationStore
{
    readonly SqliteDatabase _database;

    public SqliteModerationStore(SqliteStorageOptions options)
        : this(new SqliteDatabase(options))
    {
    }

    SqliteModerationStore(SqliteDatabase database)
    {
        _database = database;
        Sagas = new SqliteSagaStore(_database);
        Content = new SqliteContentRegistry(_database);
        Notices = new SqliteNoticeLedger(_database);
        Audit = new SqliteAuditTrail(_database);
        Fingerprints = new SqliteFingerprintBank(_database);
        Statements = new SqliteStatementLedger(_database);
    }

    public ISagaStore Sagas { get; }

    public IContentRegistry Content { get; }

    public INoticeLedger Notices { get; }

    public IAuditTrail Audit { get; }

    public IFingerprintBank Fingerprints { get; }

    public IStatementLedger Statements { get; }

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

    /// <summary>Opens an existing file of this release's schema for reading only; see <see cref="ModerationStores.OpenExisting"/>.</summary>
    public static async Task<IModerationStore> OpenExisting(SqliteStorageOptions options, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        if (!File.Exists(path))
            throw new StoreNotReadyException($"Storage:Sqlite:Path: there is no store at {path}. Check the path, or start the workers once to create it.");

        var database = new SqliteDatabase(options, readOnly: true);
        await using (var connection = await database.Open(cancellationToken))
        {
            var version = await SqliteSchema.VersionOf(connection, cancellationToken);
            if (version < SqliteSchema.Version)
                throw new StoreNotReadyException(
                    $"The store at {path} has schema version {version}, older than this release's {SqliteSchema.Version}. Start the workers of this release once to migrate it.");
            if (version > SqliteSchema.Version)
                throw new StoreNotReadyException(
                    $"The store at {path} has schema version {version}, written by a newer release than this one ({SqliteSchema.Version}). Use that release's modctl.");
        }

        return new SqliteModerationStore(database);
    }
}
