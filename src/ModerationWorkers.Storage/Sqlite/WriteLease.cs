using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>The process's writer connection, held until disposed; disposing releases the writer slot, not the connection.</summary>
public sealed class WriteLease(SqliteConnection connection, SemaphoreSlim writer) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public ValueTask DisposeAsync()
    {
        writer.Release();
        return ValueTask.CompletedTask;
    }
}
