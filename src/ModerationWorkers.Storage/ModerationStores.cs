using ModerationWorkers.Storage.MongoDb;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.Storage;

/// <summary>The store that Storage:Provider names. The host and the operator CLI open it the same way.</summary>
public static class ModerationStores
{
    /// <param name="sagaKinds">Every saga kind the workers store, from their typed registry: each gets its indexes.</param>
    public static IModerationStore Create(StorageOptions options, IReadOnlyCollection<string> sagaKinds) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteModerationStore(options.Sqlite),
        StorageProvider.MongoDb => new MongoModerationStore(options.MongoDb, sagaKinds),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown Storage:Provider"),
    };
}
