using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>Opens pooled connections to the one database file. WAL lets readers and a writer work side by side.</summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;

    // SQLite has one writer at a time. One writer per process, committing queued writes together, is far cheaper than
    // letting writers collide on the file lock and back off; other processes still wait on the busy timeout.
    readonly SqliteWriter _writer;

    /// <param name="readOnly">Opens the file only for reading, and never creates it or its directory.</param>
    public SqliteDatabase(SqliteStorageOptions options, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(options.Path);
        if (!readOnly)
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a writer waits on a lock held by another connection or process before SQLITE_BUSY.
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        Path = full;
        _writer = new SqliteWriter(Open, $"PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()};");
    }

    public string Path { get; }

    /// <summary>A pooled connection for reading.</summary>
    public async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on this process's writer connection, atomically, and completes once it is committed.
    /// The work runs inside a transaction shared with other writes (see <see cref="SqliteWriter"/>): it must not begin
    /// or commit one itself, nor call another write.
    /// </summary>
    public Task<T> Write<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.Write(work, cancellationToken);

    public Task Write(Func<SqliteConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        _writer.Write(async (connection, token) =>
        {
            await work(connection, token);
            return true;
        }, cancellationToken);

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
