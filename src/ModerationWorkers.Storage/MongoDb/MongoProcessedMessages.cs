using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

sealed class MongoProcessedMessages(IMongoDatabase database) : IProcessedMessages
{
    readonly IMongoCollection<BsonDocument> _processed = database.GetCollection<BsonDocument>("processed");

    public async Task<bool> Contains(string key, CancellationToken cancellationToken) =>
        await _processed.Find(Builders<BsonDocument>.Filter.Eq("_id", key)).AnyAsync(cancellationToken);

    public Task Add(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        _processed.UpdateOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", key),
            Builders<BsonDocument>.Update.SetOnInsert("at", at.UtcDateTime),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
}
