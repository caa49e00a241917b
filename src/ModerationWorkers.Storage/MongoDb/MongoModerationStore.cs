using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

/// <summary>
/// The production store. Kept thin on purpose: each operation is one single-document command that mirrors the
/// SQLite provider, and both pass the same contract suite. Ids are stored as GUIDs with the Standard representation.
/// </summary>
public sealed class MongoModerationStore : IModerationStore
{
    readonly IMongoDatabase _database;

    public MongoModerationStore(MongoDbStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException("Storage:MongoDb:ConnectionString must be set for the MongoDb provider.", nameof(options));

        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        // Acknowledged by a majority so a commit survives a primary failover.
        settings.WriteConcern = WriteConcern.WMajority;
        settings.ReadConcern = ReadConcern.Majority;
        settings.ReadPreference = ReadPreference.Primary;
        _database = new MongoClient(settings).GetDatabase(options.Database);

        var audit = new MongoAuditTrail(_database);
        Sagas = new MongoSagaStore(_database, audit);
        Content = new MongoContentRegistry(_database);
        Notices = new MongoNoticeLedger(_database);
        Audit = audit;
        Fingerprints = new MongoFingerprintBank(_database);
    }

    public ISagaStore Sagas { get; }

    public IContentRegistry Content { get; }

    public INoticeLedger Notices { get; }

    public IAuditTrail Audit { get; }

    public IFingerprintBank Fingerprints { get; }

    public async Task Initialize(CancellationToken cancellationToken)
    {
        await ((MongoSagaStore)Sagas).CreateIndexes(cancellationToken);
        await ((MongoContentRegistry)Content).CreateIndexes(cancellationToken);
        await ((MongoAuditTrail)Audit).CreateIndexes(cancellationToken);
        await ((MongoNoticeLedger)Notices).CreateIndexes(cancellationToken);
        await ((MongoFingerprintBank)Fingerprints).CreateIndexes(cancellationToken);
    }

    public Task Ping(CancellationToken cancellationToken) =>
        _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    internal static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };
}
