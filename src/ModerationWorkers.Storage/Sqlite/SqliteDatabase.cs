using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>Opens pooled connections to the one database file. WAL lets readers and a writer work side by side.</summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;

    readonly string _pragmas;

    // SQLite has one writer at a time. Queueing this process's writers here is far cheaper than letting them
    // collide on the file lock and back off; other processes still wait on the busy timeout.
    readonly SemaphoreSlim _writer = new(1, 1);

    // The one writer connection of this process, opened once (its pragmas set once) and reused under _writer.
    SqliteConnection? _writeConnection;

    public SqliteDatabase(string path, int busyTimeoutSeconds = 5, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        _pragmas = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a writer waits on a lock held by another connection or process before SQLITE_BUSY.
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
        Path = full;
    }

    public string Path { get; }

    /// <summary>A pooled connection for reading.</summary>
    public async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A connection for writing, held as this process's only writer until disposed.</summary>
    public async Task<WriteLease> OpenForWrite(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (_writeConnection is not { State: System.Data.ConnectionState.Open })
            {
                _writeConnection?.Dispose();
                _writeConnection = await Open(cancellationToken);
                await using var pragma = Command(_writeConnection, _pragmas);
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return new WriteLease(_writeConnection, _writer);
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

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
