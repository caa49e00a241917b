using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

sealed class MongoFingerprintBank(IMongoDatabase database) : IFingerprintBank
{
    readonly IMongoCollection<BsonDocument> _bank = database.GetCollection<BsonDocument>("fingerprints");

    public Task CreateIndexes(CancellationToken cancellationToken) =>
        _bank.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("fingerprint"), new CreateIndexOptions { Name = "fingerprint" }),
            cancellationToken: cancellationToken);

    public Task Add(BankedFingerprint entry, CancellationToken cancellationToken) =>
        // The id is the (fingerprint, case) pair, so banking twice is an upsert of the same document.
        _bank.UpdateOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", IdOf(entry.Fingerprint, entry.CaseId)),
            new BsonDocument("$setOnInsert", new BsonDocument
            {
                { "fingerprint", entry.Fingerprint },
                { "caseId", new BsonBinaryData(entry.CaseId, GuidRepresentation.Standard) },
                { "noticeId", entry.NoticeId },
                { "contentId", entry.ContentId },
                { "claimType", entry.ClaimType },
                { "bankedAt", new BsonDateTime(entry.BankedAt.UtcDateTime) },
            }),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);

    public async Task<IReadOnlyList<BankedFingerprint>> Match(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        if (fingerprints.Count == 0)
            return [];

        var found = await _bank.Find(Builders<BsonDocument>.Filter.In("fingerprint", fingerprints.Distinct(StringComparer.Ordinal)))
            .Sort(Builders<BsonDocument>.Sort.Ascending("bankedAt").Ascending("_id"))
            .ToListAsync(cancellationToken);
        var earliest = new Dictionary<string, BankedFingerprint>(StringComparer.Ordinal);
        foreach (var d in found)
            earliest.TryAdd(d["fingerprint"].AsString, new BankedFingerprint(
                d["fingerprint"].AsString,
                d["caseId"].AsGuid,
                d["noticeId"].AsString,
                d["contentId"].AsString,
                d["claimType"].AsString,
                new DateTimeOffset(d["bankedAt"].ToUniversalTime())));
        return [.. earliest.Values];
    }

    public Task Remove(string fingerprint, Guid caseId, CancellationToken cancellationToken) =>
        _bank.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", IdOf(fingerprint, caseId)), cancellationToken);

    static string IdOf(string fingerprint, Guid caseId) => $"{caseId:N}:{fingerprint}";
}
