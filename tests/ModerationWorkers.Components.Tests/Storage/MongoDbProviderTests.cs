using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>The MongoDB provider's own defects of issue 15: its secrets, its indexes, its readiness.</summary>
public sealed class MongoDbProviderTests
{
    static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("mongodb://moderation:Sup3r-Secret-Pw@db.example:notaport/?replicaSet=rs0")]
    [InlineData("mongodb://moderation:Sup3r-Secret-Pw@db.example/?replicaSet=rs0&w=bogus&tls=maybe")]
    public void A_malformed_connection_string_is_refused_naming_the_key_and_never_its_password(string connectionString)
    {
        var refused = Assert.Throws<StoreConfigurationException>(() =>
            new MongoModerationStore(new MongoDbStorageOptions { ConnectionString = connectionString }));

        Assert.StartsWith("Storage:MongoDb:ConnectionString: is not a valid MongoDB connection string", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r-Secret-Pw", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redaction_hides_every_password_of_a_text()
    {
        Assert.Equal("a mongodb://u:***@h:1/x and mongodb+srv://v:***@cluster/y",
            ConnectionStrings.Redact("a mongodb://u:p@ss:w0rd@h:1/x and mongodb+srv://v:other@cluster/y"));
        Assert.Equal("mongodb://h:27017/", ConnectionStrings.Redact("mongodb://h:27017/"));
    }

    [Fact]
    public void Every_saga_kind_is_in_the_typed_registry()
    {
        Assert.Equal(["accounts", "cases", "notifiers", "notices"], SagaKinds.All.Select(k => k.Name));
        Assert.Equal([SagaKinds.Cases], SagaKinds.Timed);
    }

    static async Task<(MongoModerationStore Store, IMongoDatabase Database)> Create()
    {
        var connectionString = await TestStores.MongoDbConnectionString();
        Skip.If(string.IsNullOrWhiteSpace(connectionString),
            $"{TestStores.MongoVariable} is not set and no Docker engine is reachable: the MongoDB provider was not tested.");
        var name = $"moderation_test_{Guid.NewGuid():N}";
        var store = new MongoModerationStore(new MongoDbStorageOptions { ConnectionString = connectionString, Database = name });
        await store.Initialize(None);
        return (store, new MongoClient(connectionString).GetDatabase(name));
    }

    [SkippableFact]
    public async Task Every_saga_kind_gets_its_indexes_and_the_due_timer_query_uses_its_index()
    {
        var (store, database) = await Create();
        foreach (var kind in SagaKinds.All)
        {
            using var cursor = await database.GetCollection<BsonDocument>("saga_" + kind.Name).Indexes.ListAsync(None);
            var names = (await cursor.ToListAsync(None)).Select(i => i["name"].AsString).ToList();
            Assert.Equal(kind.HasTimers, names.Contains(MongoModerationStore.TimerIndex));
            Assert.Contains("state", names);
        }

        for (var i = 0; i < 50; i++)
            await store.Sagas.TryInsert(SagaKinds.Cases, new SagaDocument(Guid.NewGuid(), 1, "Closed", i % 10 == 0 ? DateTimeOffset.UtcNow.AddMinutes(-i) : null, "{}"), None);

        // The same filter and order as FindDueTimers: the winning plan must scan the timer index, not the collection.
        var explain = await database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "explain", new BsonDocument
                {
                    { "find", "saga_cases" },
                    { "filter", new BsonDocument("timerDueAt", new BsonDocument("$lte", DateTime.UtcNow)) },
                    { "sort", new BsonDocument { { "timerDueAt", 1 }, { "_id", 1 } } },
                    { "limit", 500 },
                }
            },
            { "verbosity", "queryPlanner" },
        }, cancellationToken: None);
        var plan = explain["queryPlanner"]["winningPlan"].ToJson();
        Assert.Contains("IXSCAN", plan, StringComparison.Ordinal);
        Assert.Contains(MongoModerationStore.TimerIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("COLLSCAN", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Readiness_is_a_majority_write_not_a_ping()
    {
        var (store, database) = await Create();

        await store.Ping(None);

        Assert.Equal(1, await database.GetCollection<BsonDocument>("health").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: None));
    }
}
