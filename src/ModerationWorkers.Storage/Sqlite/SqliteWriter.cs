using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

/// <summary>
/// This process's one SQLite writer, with group commit: the writes that queue while a transaction commits go into the
/// next transaction together, each inside a savepoint of its own, so one failing write rolls back alone. A write's task
/// completes only once its transaction has committed, so callers see the same durability as a transaction of their own,
/// at a fraction of the commits: a commit costs a WAL append of every page it touched, whether one row changed or fifty.
/// When idle, a write commits alone and at once: there is no timer, so no added latency.
/// </summary>
sealed class SqliteWriter
{
    const int MaxBatch = 128;

    readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    readonly string _pragmas;
    readonly BatchingQueue<IWork> _queue;
    SqliteConnection? _connection;

    public SqliteWriter(Func<CancellationToken, Task<SqliteConnection>> open, string pragmas)
    {
        _open = open;
        _pragmas = pragmas;
        _queue = new BatchingQueue<IWork>(MaxBatch, Commit);
    }

    /// <summary>Runs <paramref name="work"/> on the writer connection, in a transaction it must not begin or end itself.</summary>
    public Task<T> Write<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new Work<T>(work, cancellationToken);
        _queue.TryEnqueue(item); // never completed: always accepted
        return item.Result;
    }

    async Task Commit(List<IWork> queued)
    {
        var batch = new List<IWork>(queued.Count);
        foreach (var item in queued)
        {
            if (item.CancellationToken.IsCancellationRequested)
                item.Cancel();
            else
                batch.Add(item);
        }

        if (batch.Count == 0)
            return;

        try
        {
            var connection = await Connection();
            // IMMEDIATE takes the write lock up front (waiting out another process on the busy timeout), so no statement
            // inside can fail for a lock and abort the batch.
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var item in batch)
            {
                transaction.Save("w");
                try
                {
                    await item.Run(connection);
                    transaction.Release("w");
                }
                catch (Exception ex)
                {
                    transaction.Rollback("w");
                    transaction.Release("w");
                    item.Failed(ex);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // The transaction itself failed (begin, savepoint rollback or commit): nothing of the batch is stored.
            foreach (var item in batch)
                item.Failed(ex);
            _connection?.Dispose();
            _connection = null;
        }

        foreach (var item in batch)
            item.Complete();
    }

    async Task<SqliteConnection> Connection()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return _connection;

        _connection?.Dispose();
        _connection = await _open(CancellationToken.None);
        await using var pragma = SqliteDatabase.Command(_connection, _pragmas);
        await pragma.ExecuteNonQueryAsync();
        return _connection;
    }

    interface IWork
    {
        CancellationToken CancellationToken { get; }

        Task Run(SqliteConnection connection);

        void Failed(Exception ex);

        /// <summary>Reports the outcome, once the transaction has committed or failed.</summary>
        void Complete();

        void Cancel();
    }

    sealed class Work<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IWork
    {
        readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        T? _value;
        Exception? _error;

        public Task<T> Result => _result.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public async Task Run(SqliteConnection connection) => _value = await work(connection, cancellationToken);

        public void Failed(Exception ex) => _error ??= ex;

        public void Complete()
        {
            if (_error is OperationCanceledException canceled)
                _result.TrySetCanceled(canceled.CancellationToken);
            else if (_error is not null)
                _result.TrySetException(_error);
            else
                _result.TrySetResult(_value!);
        }

        public void Cancel() => _result.TrySetCanceled(cancellationToken);
    }
}
