using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>Opens pooled connections to the one database file. WAL lets readers and a writer work side by side.</summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;

    readonly string _pragmas;

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

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection setting; pooled connections make this cheap.
        await using (var pragma = Command(connection, _pragmas))
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
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
