using ModerationWorkers.Storage;
using ModerationWorkers.Storage.MongoDb;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.Components.Tests;

/// <summary>
/// Creates a fresh, empty store of a provider. SQLite always runs. MongoDB runs against MODERATION_TEST_MONGODB when it
/// holds a connection string; otherwise, where a Docker engine is reachable, against a single-node replica set that the
/// first MongoDB test starts (Testcontainers) and the test process's end removes; otherwise it is reported as skipped,
/// with that reason, never as passed.
/// </summary>
public static class TestStores
{
    // One container for the whole run: each test gets a database of its own in it.
    static readonly Lazy<Task<string?>> DockerMongoDb = new(StartMongoDb);

    static bool DockerReachable =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    static async Task<string?> StartMongoDb()
    {
        if (!DockerReachable)
            return null;
        var container = new Testcontainers.MongoDb.MongoDbBuilder("mongo:7.0").WithReplicaSet("rs0").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }

    /// <summary>The MongoDB to test against, or null (the test is then skipped, saying why).</summary>
    public static async Task<string?> MongoDbConnectionString() =>
        Environment.GetEnvironmentVariable(MongoVariable) is { Length: > 0 } configured ? configured : await DockerMongoDb.Value;

    public const string Sqlite = nameof(StorageProvider.Sqlite);
    public const string MongoDb = nameof(StorageProvider.MongoDb);
    public const string MongoVariable = "MODERATION_TEST_MONGODB";

    public static TheoryData<string> Providers => new() { Sqlite, MongoDb };

    public static async Task<IModerationStore> Create(string provider)
    {
        IModerationStore store;
        if (provider == MongoDb)
        {
            var connectionString = await MongoDbConnectionString();
            Skip.If(string.IsNullOrWhiteSpace(connectionString),
                $"{MongoVariable} is not set and no Docker engine is reachable: the MongoDB provider was not tested.");
            store = new MongoModerationStore(new MongoDbStorageOptions
            {
                ConnectionString = connectionString,
                Database = $"moderation_test_{Guid.NewGuid():N}",
            });
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "moderation-tests", $"{Guid.NewGuid():N}.db");
            store = new SqliteModerationStore(new SqliteStorageOptions { Path = path });
        }

        await store.Initialize(CancellationToken.None);
        return store;
    }
}
