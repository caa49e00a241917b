using ModerationWorkers.Storage.MongoDb;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.Storage;

/// <summary>The store that Storage:Provider names. The host and the operator CLI open it the same way.</summary>
public static class ModerationStores
{
    /// <summary>The store for the workers, which create or migrate it (<see cref="IModerationStore.Initialize"/>) on start.</summary>
    public static IModerationStore Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteModerationStore(options.Sqlite),
        StorageProvider.MongoDb => new MongoModerationStore(options.MongoDb),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown Storage:Provider"),
    };

    /// <summary>
    /// The store for readers that must change nothing (the CLI's read-only commands): it must exist already, with this
    /// release's schema. Nothing is created, not even a directory; otherwise a <see cref="StoreNotReadyException"/> says why.
    /// </summary>
    public static Task<IModerationStore> OpenExisting(StorageOptions options, CancellationToken cancellationToken) => options.Provider switch
    {
        StorageProvider.Sqlite => SqliteModerationStore.OpenExisting(options.Sqlite, cancellationToken),
        StorageProvider.MongoDb => MongoModerationStore.OpenExisting(options.MongoDb, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown Storage:Provider"),
    };
}
