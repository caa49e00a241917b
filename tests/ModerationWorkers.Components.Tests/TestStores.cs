using ModerationWorkers.Storage;
using ModerationWorkers.Storage.MongoDb;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.Components.Tests;

/// <summary>
/// Creates a fresh, empty store of a provider. SQLite always runs; MongoDB runs when MODERATION_TEST_MONGODB holds a
/// connection string, and is otherwise reported as skipped with that reason (never as passed).
/// </summary>
public static class TestStores
{
    public const string Sqlite = nameof(StorageProvider.Sqlite);
    public const string MongoDb = nameof(StorageProvider.MongoDb);
    public const string MongoVariable = "MODERATION_TEST_MONGODB";

    public static TheoryData<string> Providers => new() { Sqlite, MongoDb };

    public static async Task<IModerationStore> Create(string provider)
    {
        IModerationStore store;
        if (provider == MongoDb)
        {
            var connectionString = Environment.GetEnvironmentVariable(MongoVariable);
            Skip.If(string.IsNullOrWhiteSpace(connectionString), $"{MongoVariable} is not set: the MongoDB provider was not tested.");
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
