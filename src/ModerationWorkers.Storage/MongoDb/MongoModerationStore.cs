using ModerationWorkers.SagaInfrastructure;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

/// <summary>
/// The production store. Kept thin on purpose: each operation is one single-document command that mirrors the
/// SQLite provider, and both pass the same contract suite. Ids are stored as GUIDs with the Standard representation.
/// </summary>
public sealed class MongoModerationStore : IModerationStore
{
    /// <summary>The index due timers are found and paged by: (timerDueAt, _id), the query's own filter and order.</summary>
    public const string TimerIndex = "timer_due";

    readonly IMongoDatabase _database;
    readonly IMongoCollection<BsonDocument> _health;

    public MongoModerationStore(MongoDbStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new StoreConfigurationException("Storage:MongoDb:ConnectionString: must be set for the MongoDb provider");

        MongoClientSettings settings;
        try
        {
            settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or FormatException or ArgumentException)
        {
            // The driver's message can echo the whole string, password included.
            throw new StoreConfigurationException(
                $"Storage:MongoDb:ConnectionString: is not a valid MongoDB connection string ({ConnectionStrings.Redact(ex.Message)})");
        }

        // Acknowledged by a majority so a commit survives a primary failover, and bounded so a write never blocks for
        // ever on a replica set that has lost its majority.
        // (The driver's client-side operation timeout is not public in 3.14, so the bound is in three parts.)
        settings.WriteConcern = WriteConcern.WMajority.With(wTimeout: options.OperationTimeout);
        settings.ServerSelectionTimeout = options.OperationTimeout;
        settings.SocketTimeout = options.OperationTimeout * 2;
        settings.ReadConcern = ReadConcern.Majority;
        settings.ReadPreference = ReadPreference.Primary;
        _database = new MongoClient(settings).GetDatabase(options.Database);
        _health = _database.GetCollection<BsonDocument>("health");

        var audit = new MongoAuditTrail(_database);
        Sagas = new MongoSagaStore(_database, audit);
        Content = new MongoContentRegistry(_database);
        Notices = new MongoNoticeLedger(_database);
        Audit = audit;
        Fingerprints = new MongoFingerprintBank(_database);
        Statements = new MongoStatementLedger(_database);
    }

    public ISagaStore Sagas { get; }

    public IContentRegistry Content { get; }

    public INoticeLedger Notices { get; }

    public IAuditTrail Audit { get; }

    public IFingerprintBank Fingerprints { get; }

    public IStatementLedger Statements { get; }

    public async Task Initialize(CancellationToken cancellationToken)
    {
        await ((MongoSagaStore)Sagas).CreateIndexes(cancellationToken);
        await ((MongoContentRegistry)Content).CreateIndexes(cancellationToken);
        await ((MongoAuditTrail)Audit).CreateIndexes(cancellationToken);
        await ((MongoNoticeLedger)Notices).CreateIndexes(cancellationToken);
        await ((MongoFingerprintBank)Fingerprints).CreateIndexes(cancellationToken);
        await ((MongoStatementLedger)Statements).CreateIndexes(cancellationToken);
    }

    /// <summary>
    /// Readiness means writes succeed: a majority-acknowledged write of this process's heartbeat, not just a ping that
    /// a replica set without a primary would still answer.
    /// </summary>
    public Task Ping(CancellationToken cancellationToken) =>
        _health.UpdateOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", Environment.MachineName + "/" + Environment.ProcessId),
            Builders<BsonDocument>.Update.Set("at", DateTime.UtcNow),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);

    /// <summary>
    /// Opens a database the workers have created, for reading: MongoDB creates nothing on a read, so the check is only
    /// that the saga collections are there (a mistyped database name would otherwise read as an empty store).
    /// </summary>
    public static async Task<IModerationStore> OpenExisting(MongoDbStorageOptions options, CancellationToken cancellationToken)
    {
        var store = new MongoModerationStore(options);
        using var names = await store._database.ListCollectionNamesAsync(cancellationToken: cancellationToken);
        var collections = (await names.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!SagaKinds.All.Any(kind => collections.Contains(MongoSagaStore.CollectionName(kind))))
            throw new StoreNotReadyException(
                $"Storage:MongoDb:Database: {options.Database} holds no saga collections. Check the name, or start the workers once to create them.");
        return store;
    }

    internal static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };
}
