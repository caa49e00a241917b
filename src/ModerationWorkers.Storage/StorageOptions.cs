using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Storage;

public enum StorageProvider
{
    Sqlite,
    MongoDb,
}

/// <summary>Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public MongoDbStorageOptions MongoDb { get; set; } = new();
}

public enum SqliteSynchronous
{
    Normal,
    Full,
}

public sealed class SqliteStorageOptions
{
    [Required(ErrorMessage = "Storage:Sqlite:Path: must be set")]
    public string Path { get; set; } = "./data/moderation.db";

    /// <summary>Seconds a write waits for a lock held by another connection or process before it fails and is retried.</summary>
    [Range(1, 300, ErrorMessage = "Storage:Sqlite:BusyTimeoutSeconds: must be between {1} and {2}")]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Full fsyncs every commit; Normal (the default, in WAL mode) fsyncs at checkpoints, so a commit survives a
    /// crashed or killed process but the last commits may be lost if the machine itself loses power.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// Outside Development SQLite is refused unless this says that every process of the deployment shares this one file
    /// on one machine. Replicas on several machines would each keep a file of their own, and a verdict reaching the
    /// wrong one would be for an unknown case: a decision silently lost.
    /// </summary>
    public bool AllowInProduction { get; set; }
}

public sealed class MongoDbStorageOptions
{
    /// <summary>A secret: comes from configuration or the environment, never from code.</summary>
    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "moderation";

    /// <summary>
    /// How long an operation may wait: for a majority to acknowledge a write (wtimeout), for a primary to be found
    /// (server selection), and twice that for an answer on the socket. A replica set without a majority then fails a
    /// write after this long instead of blocking it for ever, and the endpoint pauses until writes succeed again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Storage:MongoDb:OperationTimeout: must be between {1} and {2}")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
