using ModerationWorkers.SagaInfrastructure;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

/// <summary>One collection per saga kind; the correlation id is <c>_id</c>.</summary>
sealed class MongoSagaStore(IMongoDatabase database, MongoAuditTrail audit) : ISagaStore
{
    public static string CollectionName(SagaKind kind) => "saga_" + kind.Name;

    IMongoCollection<BsonDocument> Collection(SagaKind kind) => database.GetCollection<BsonDocument>(CollectionName(kind));

    public async Task CreateIndexes(CancellationToken cancellationToken)
    {
        foreach (var kind in SagaKinds.All)
        {
            var collection = Collection(kind);
            // The first release's partial index ($type: date) could not serve a $lte query: the timers scanned every document.
            await DropIfPresent(collection, "timer", cancellationToken);
            await collection.Indexes.CreateManyAsync(kind.Indexes.Select(Index), cancellationToken);
        }
    }

    static CreateIndexModel<BsonDocument> Index(SagaIndex index)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        return index switch
        {
            SagaIndex.TimerDue => new(keys.Ascending("timerDueAt").Ascending("_id"), new CreateIndexOptions { Name = MongoModerationStore.TimerIndex }),
            SagaIndex.State => new(keys.Ascending("state"), new CreateIndexOptions { Name = "state" }),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Unknown saga index"),
        };
    }

    static async Task DropIfPresent(IMongoCollection<BsonDocument> collection, string index, CancellationToken cancellationToken)
    {
        using var cursor = await collection.Indexes.ListAsync(cancellationToken);
        if ((await cursor.ToListAsync(cancellationToken)).Any(i => i["name"].AsString == index))
            await collection.Indexes.DropOneAsync(index, cancellationToken);
    }

    public async Task<SagaDocument?> Load(SagaKind kind, Guid id, CancellationToken cancellationToken)
    {
        var found = await Collection(kind).Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : FromBson(found);
    }

    public async Task<bool> TryInsert(SagaKind kind, SagaDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await Collection(kind).InsertOneAsync(ToBson(document), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoException ex) when (MongoModerationStore.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public async Task<bool> TryUpdate(SagaKind kind, SagaDocument document, int expectedVersion, IReadOnlyList<AuditEntry> entries,
        CancellationToken cancellationToken)
    {
        // No multi-document transaction: the audit goes first (idempotent), so a crash between the two writes
        // leaves the entries both in the trail and in the document, never in neither.
        await audit.Append(entries, cancellationToken);
        var filter = ById(document.Id) & Builders<BsonDocument>.Filter.Eq("version", expectedVersion);
        var result = await Collection(kind).ReplaceOneAsync(filter, ToBson(document), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> TryDelete(SagaKind kind, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var filter = ById(id) & Builders<BsonDocument>.Filter.Eq("version", expectedVersion);
        var result = await Collection(kind).DeleteOneAsync(filter, cancellationToken);
        return result.DeletedCount == 1;
    }

    public async Task<IReadOnlyList<DueTimer>> FindDueTimers(SagaKind kind, DateTimeOffset now, int limit, DueTimer? after, CancellationToken cancellationToken)
    {
        SagaStoreChecks.RequireTimers(kind);
        var f = Builders<BsonDocument>.Filter;
        var filter = f.Lte("timerDueAt", now.UtcDateTime);
        if (after is not null)
        {
            var afterId = new BsonBinaryData(after.Id, GuidRepresentation.Standard);
            filter &= f.Gt("timerDueAt", after.DueAt.UtcDateTime) | (f.Eq("timerDueAt", after.DueAt.UtcDateTime) & f.Gt("_id", afterId));
        }

        var found = await Collection(kind).Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending("timerDueAt").Ascending("_id"))
            .Limit(limit).ToListAsync(cancellationToken);
        return found.Select(d => new DueTimer(d["_id"].AsGuid, new DateTimeOffset(d["timerDueAt"].ToUniversalTime()))).ToList();
    }

    public async IAsyncEnumerable<SagaDocument> Scan(SagaKind kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await Collection(kind).FindAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
                yield return FromBson(document);
        }
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByState(SagaKind kind, CancellationToken cancellationToken)
    {
        var groups = await Collection(kind).Aggregate()
            .Group(new BsonDocument { { "_id", "$state" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g["_id"].AsString, g => g["count"].ToInt64());
    }

    static FilterDefinition<BsonDocument> ById(Guid id) =>
        Builders<BsonDocument>.Filter.Eq("_id", new BsonBinaryData(id, GuidRepresentation.Standard));

    static BsonDocument ToBson(SagaDocument document) => new()
    {
        { "_id", new BsonBinaryData(document.Id, GuidRepresentation.Standard) },
        { "version", document.Version },
        { "state", document.State },
        { "timerDueAt", document.TimerDueAt is { } due ? new BsonDateTime(due.UtcDateTime) : BsonNull.Value },
        // The saga's own JSON, kept verbatim so both providers round-trip it identically.
        { "data", document.Data },
    };

    static SagaDocument FromBson(BsonDocument document) => new(
        document["_id"].AsGuid,
        document["version"].AsInt32,
        document["state"].AsString,
        document["timerDueAt"].IsBsonNull ? null : new DateTimeOffset(document["timerDueAt"].ToUniversalTime()),
        document["data"].AsString);
}
