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
}

public sealed class MongoDbStorageOptions
{
    /// <summary>A secret: comes from configuration or the environment, never from code.</summary>
    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "moderation";
}
