using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

sealed class MongoContentRegistry(IMongoDatabase database) : IContentRegistry
{
    readonly IMongoCollection<BsonDocument> _content = database.GetCollection<BsonDocument>("content");
    readonly IMongoCollection<BsonDocument> _waiters = database.GetCollection<BsonDocument>("content_waiters");

    public Task CreateIndexes(CancellationToken cancellationToken) =>
        _waiters.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("contentId"), new CreateIndexOptions { Name = "contentId" }),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ContentWaiter>> Register(IReadOnlyList<ContentRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
            return [];

        // Insert-if-absent keeps the first owner: a duplicate upload is a no-op.
        var writes = records.Select(r => new UpdateOneModel<BsonDocument>(
            Builders<BsonDocument>.Filter.Eq("_id", r.ContentId),
            Builders<BsonDocument>.Update
                .SetOnInsert("accountId", r.AccountId)
                .SetOnInsert("uploadedAt", r.UploadedAt.ToString("O"))
                .SetOnInsert("fingerprint", (BsonValue?)r.Fingerprint ?? BsonNull.Value)
                .SetOnInsert("title", (BsonValue?)r.Title ?? BsonNull.Value)) { IsUpsert = true }).ToList();
        await _content.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);

        var ids = records.Select(r => r.ContentId).Distinct(StringComparer.Ordinal).ToArray();
        var waiting = await _waiters.Find(Builders<BsonDocument>.Filter.In("contentId", ids)).ToListAsync(cancellationToken);
        return waiting.Select(w => new ContentWaiter(w["contentId"].AsString, w["caseId"].AsGuid)).ToList();
    }

    public async Task<ContentRecord?> Find(string contentId, CancellationToken cancellationToken)
    {
        var found = await _content.Find(Builders<BsonDocument>.Filter.Eq("_id", contentId)).FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new ContentRecord(
                contentId,
                found["accountId"].AsString,
                DateTimeOffset.Parse(found["uploadedAt"].AsString, System.Globalization.CultureInfo.InvariantCulture),
                found["fingerprint"].IsBsonNull ? null : found["fingerprint"].AsString,
                found["title"].IsBsonNull ? null : found["title"].AsString);
    }

    public async Task<ContentRecord?> AwaitOrFind(string contentId, Guid caseId, CancellationToken cancellationToken)
    {
        if (await Find(contentId, cancellationToken) is { } known)
            return known;

        var waiter = new BsonDocument
        {
            { "_id", WaiterId(contentId, caseId) },
            { "contentId", contentId },
            { "caseId", new BsonBinaryData(caseId, GuidRepresentation.Standard) },
        };
        await _waiters.ReplaceOneAsync(Builders<BsonDocument>.Filter.Eq("_id", waiter["_id"]), waiter,
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
        var found = await Find(contentId, cancellationToken);
        if (found is not null)
            await RemoveWaiter(contentId, caseId, cancellationToken);
        return found;
    }

    public Task RemoveWaiter(string contentId, Guid caseId, CancellationToken cancellationToken) =>
        _waiters.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", WaiterId(contentId, caseId)), cancellationToken);

    static string WaiterId(string contentId, Guid caseId) => $"{caseId:N}:{contentId}";
}
