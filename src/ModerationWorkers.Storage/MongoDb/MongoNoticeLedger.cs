using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

sealed class MongoNoticeLedger(IMongoDatabase database) : INoticeLedger
{
    readonly IMongoCollection<BsonDocument> _notices = database.GetCollection<BsonDocument>("notices");

    public Task CreateIndexes(CancellationToken cancellationToken) =>
        _notices.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("receivedAt"), new CreateIndexOptions { Name = "receivedAt" }),
            cancellationToken: cancellationToken);

    public async Task<NoticeRecord?> Find(string noticeId, CancellationToken cancellationToken)
    {
        var found = await _notices.Find(Builders<BsonDocument>.Filter.Eq("_id", noticeId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : Read(found);
    }

    public async Task Record(NoticeRecord notice, CancellationToken cancellationToken)
    {
        try
        {
            // Matches no accepted record, so an accepted one is never replaced: the upsert then collides with it instead.
            await _notices.UpdateOneAsync(
                Builders<BsonDocument>.Filter.Eq("_id", notice.NoticeId) & Builders<BsonDocument>.Filter.Ne("accepted", true),
                new BsonDocument("$set", new BsonDocument
                {
                    { "claimType", notice.ClaimType },
                    { "receivedAt", new BsonDateTime(notice.ReceivedAt.UtcDateTime) },
                    { "accepted", notice.Accepted },
                    { "reasons", new BsonArray(notice.Reasons) },
                    { "contentIds", new BsonArray(notice.ContentIds) },
                    { "digest", notice.Digest is null ? BsonNull.Value : new BsonString(notice.Digest) },
                    { "trustedFlagger", notice.TrustedFlagger },
                    { "notifierId", notice.NotifierId is { } notifier ? new BsonString(notifier.ToString()) : BsonNull.Value },
                }),
                new UpdateOptions { IsUpsert = true },
                cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // The notice was accepted already: its record stays.
        }
    }

    public async Task<IReadOnlyList<NoticeRecord>> List(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter.Gte("receivedAt", from.UtcDateTime) & Builders<BsonDocument>.Filter.Lt("receivedAt", to.UtcDateTime);
        var found = await _notices.Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending("receivedAt")).ToListAsync(cancellationToken);
        return found.Select(Read).ToList();
    }

    static NoticeRecord Read(BsonDocument d) => new(
        d["_id"].AsString,
        d["claimType"].AsString,
        new DateTimeOffset(d["receivedAt"].ToUniversalTime()),
        d["accepted"].AsBoolean,
        d["reasons"].AsBsonArray.Select(v => v.AsString).ToArray(),
        d["contentIds"].AsBsonArray.Select(v => v.AsString).ToArray())
    {
        Digest = d.TryGetValue("digest", out var digest) && digest.IsString ? digest.AsString : null,
        TrustedFlagger = d.TryGetValue("trustedFlagger", out var trusted) && trusted.IsBoolean && trusted.AsBoolean,
        NotifierId = d.TryGetValue("notifierId", out var notifier) && notifier.IsString ? Guid.Parse(notifier.AsString) : null,
    };
}
