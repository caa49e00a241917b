using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Clears dispatched outboxes and files their audit entries in batches, one store transaction for many sagas, instead of
/// one write each on the hot path. Deferring a clear is safe: until it is written, the document still holds its outbox
/// and audit entries, so a crash only means a later load dispatches them again (with the same message ids).
/// A load of a saga whose clear is still queued waits for it first, so this process never re-dispatches its own work.
/// </summary>
public sealed class OutboxClearQueue : IAsyncDisposable
{
    const int MaxBatch = 256;

    readonly IModerationStore _store;
    readonly ILogger<OutboxClearQueue> _logger;

    readonly ConcurrentDictionary<(SagaKind Kind, Guid Id), Entry> _pending = new();
    readonly BatchingQueue<Entry> _queue;

    public OutboxClearQueue(IModerationStore store, ILogger<OutboxClearQueue> logger)
    {
        _store = store;
        _logger = logger;
        _queue = new BatchingQueue<Entry>(MaxBatch, Write);
    }

    /// <summary>Queues the clearing write of a saga whose outbox was dispatched.</summary>
    public void Enqueue(SagaWrite write)
    {
        var entry = new Entry(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[(write.Kind, write.Document.Id)] = entry;
        if (!_queue.TryEnqueue(entry))
        {
            // Shutting down: nothing will write it, and the document keeps its outbox for the next load.
            _pending.TryRemove(new((write.Kind, write.Document.Id), entry));
            entry.Written.TrySetResult();
        }
    }

    /// <summary>Completes once no clear of this saga is queued: its stored document is then as current as this process knows.</summary>
    public Task Settled(SagaKind kind, Guid id) =>
        _pending.TryGetValue((kind, id), out var entry) ? entry.Written.Task : Task.CompletedTask;

    async Task Write(List<Entry> batch)
    {
        try
        {
            await _store.Sagas.TryUpdateMany([.. batch.Select(e => e.Write)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not lost: each document keeps its outbox and audit entries until a later load clears them.
            _logger.LogWarning(ex, "Clearing {Count} dispatched saga outboxes failed; they are cleared on their next load", batch.Count);
        }
        finally
        {
            foreach (var entry in batch)
            {
                _pending.TryRemove(new((entry.Write.Kind, entry.Write.Document.Id), entry));
                entry.Written.TrySetResult();
            }
        }
    }

    /// <summary>Writes what is queued before the process goes.</summary>
    public async ValueTask DisposeAsync() => await _queue.Complete();

    sealed record Entry(SagaWrite Write, TaskCompletionSource Written);
}
