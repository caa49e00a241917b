namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteProcessedMessages(SqliteDatabase database) : IProcessedMessages
{
    public async Task<bool> Contains(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection, "SELECT 1 FROM processed WHERE key = $key", ("$key", key));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task Add(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var lease = await database.OpenForWrite(cancellationToken);
        var connection = lease.Connection;
        await using var command = SqliteDatabase.Command(connection,
            "INSERT INTO processed (key, at) VALUES ($key, $at) ON CONFLICT (key) DO NOTHING",
            ("$key", key), ("$at", SqliteDatabase.ToUnixMs(at)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
