using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

/// <summary>One document per puid (<c>_id</c>); a submitted one is never written again.</summary>
sealed class MongoStatementLedger(IMongoDatabase database) : IStatementLedger
{
    readonly IMongoCollection<BsonDocument> _statements = database.GetCollection<BsonDocument>("statements");

    public Task CreateIndexes(CancellationToken cancellationToken) =>
        _statements.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("subjectId"), new CreateIndexOptions { Name = "subject" }),
            cancellationToken: cancellationToken);

    public async Task Record(StatementSubmission submission, CancellationToken cancellationToken)
    {
        var f = Builders<BsonDocument>.Filter;
        var update = Builders<BsonDocument>.Update
            .SetOnInsert("subjectId", new BsonBinaryData(submission.SubjectId, GuidRepresentation.Standard))
            .SetOnInsert("decision", submission.Decision)
            .Set("state", submission.State.ToString())
            .Set("at", submission.At.ToString("O"))
            .Set("detail", (BsonValue?)submission.Detail ?? BsonNull.Value);
        try
        {
            await _statements.UpdateOneAsync(f.Eq("_id", submission.Puid) & f.Ne("state", nameof(SubmissionState.Submitted)), update,
                new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoException ex) when (MongoModerationStore.IsDuplicateKey(ex))
        {
            // The filter missed because the statement is submitted already: the upsert's insert collided with it.
        }
    }

    public async Task<IReadOnlyList<StatementSubmission>> For(Guid subjectId, CancellationToken cancellationToken)
    {
        var found = await _statements.Find(Builders<BsonDocument>.Filter.Eq("subjectId", new BsonBinaryData(subjectId, GuidRepresentation.Standard)))
            .ToListAsync(cancellationToken);
        return found.Select(d => new StatementSubmission(d["_id"].AsString, subjectId, d["decision"].AsString, Enum.Parse<SubmissionState>(d["state"].AsString),
                DateTimeOffset.Parse(d["at"].AsString, System.Globalization.CultureInfo.InvariantCulture), d["detail"].IsBsonNull ? null : d["detail"].AsString))
            .OrderBy(s => s.At).ThenBy(s => s.Puid, StringComparer.Ordinal).ToList();
    }
}
