using System.Text.Json;
using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Storage.MongoDb;

sealed class MongoAuditTrail(IMongoDatabase database) : IAuditTrail
{
    readonly IMongoCollection<BsonDocument> _audit = database.GetCollection<BsonDocument>("audit");

    public Task CreateIndexes(CancellationToken cancellationToken) =>
        _audit.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(
                Builders<BsonDocument>.IndexKeys.Ascending("subjectId").Ascending("sequence"),
                new CreateIndexOptions { Name = "subject_sequence", Unique = true }),
            cancellationToken: cancellationToken);

    public async Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;

        // The deterministic _id makes a replayed entry a no-op rather than a second copy.
        var writes = entries.Select(e => new UpdateOneModel<BsonDocument>(
            Builders<BsonDocument>.Filter.Eq("_id", $"{e.SubjectId:N}:{e.Sequence:D10}"),
            new BsonDocument("$setOnInsert", ToBson(e))) { IsUpsert = true }).ToList();
        await _audit.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> Read(Guid subjectId, CancellationToken cancellationToken)
    {
        var found = await _audit.Find(Builders<BsonDocument>.Filter.Eq("subjectId", new BsonBinaryData(subjectId, GuidRepresentation.Standard)))
            .Sort(Builders<BsonDocument>.Sort.Ascending("sequence")).ToListAsync(cancellationToken);
        return found.Select(d => Typed(d, new AuditEntry(
            subjectId,
            d["sequence"].AsInt32,
            DateTimeOffset.Parse(d["at"].AsString, System.Globalization.CultureInfo.InvariantCulture),
            NullableString(d, "fromState"),
            d["toState"].AsString,
            d["causeType"].AsString,
            d["causeMessageId"].IsBsonNull ? null : d["causeMessageId"].AsGuid,
            d["decidedBy"].AsString,
            Decision: NullableString(d, "decision"),
            StatementOfReasons: NullableString(d, "statementOfReasons") is { } json
                ? JsonSerializer.Deserialize<StatementOfReasons>(json, MessageJson.Options)
                : null,
            Note: NullableString(d, "detail")))).ToList();
    }

    /// <summary>A document without <c>format</c> was written by a release before the typed entry.</summary>
    static AuditEntry Typed(BsonDocument document, AuditEntry entry) =>
        document.Contains("format") ? entry : LegacyAuditFormat.Upgrade(entry);

    // Entries of the first releases have no decision or statement fields at all.
    static string? NullableString(BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsBsonNull ? value.AsString : null;

    static BsonDocument ToBson(AuditEntry e) => new()
    {
        { "format", 2 },
        { "subjectId", new BsonBinaryData(e.SubjectId, GuidRepresentation.Standard) },
        { "sequence", e.Sequence },
        { "at", e.At.ToString("O") },
        { "fromState", (BsonValue?)e.FromState ?? BsonNull.Value },
        { "toState", e.ToState },
        { "causeType", e.Cause },
        { "causeMessageId", e.CauseMessageId is { } id ? new BsonBinaryData(id, GuidRepresentation.Standard) : BsonNull.Value },
        { "decidedBy", e.DecidedBy },
        { "detail", (BsonValue?)e.Note ?? BsonNull.Value },
        { "decision", (BsonValue?)e.Decision ?? BsonNull.Value },
        // The statement as the JSON it was sent as: the same text on both providers, kept verbatim.
        { "statementOfReasons", e.StatementOfReasons is { } statement ? JsonSerializer.Serialize(statement, MessageJson.Options) : BsonNull.Value },
    };
}
