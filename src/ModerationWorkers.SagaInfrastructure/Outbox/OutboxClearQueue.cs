using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Clears dispatched outboxes and files their audit entries in batches, one store transaction for many sagas, instead of
/// one write each on the hot path. Deferring a clear is safe: until it is written, the document still holds its outbox
/// and audit entries, so a crash only means a later load dispatches them again (with the same message ids).
/// A saga is marked as dispatching before its first message goes out, and a load of it in this process waits until its
/// clear is written: the answer to a message it published (a verdict on a case just opened, say) can come back before
/// the publish is confirmed, and must not find the outbox still full and publish it again.
/// </summary>
public sealed class OutboxClearQueue : IAsyncDisposable
{
    const int MaxBatch = 256;

    readonly IModerationStore _store;
    readonly ILogger<OutboxClearQueue> _logger;

    readonly ConcurrentDictionary<(SagaKind Kind, Guid Id), Dispatching> _pending = new();
    readonly BatchingQueue<Dispatching> _queue;

    public OutboxClearQueue(IModerationStore store, ILogger<OutboxClearQueue> logger)
    {
        _store = store;
        _logger = logger;
        _queue = new BatchingQueue<Dispatching>(MaxBatch, Write);
    }

    /// <summary>Marks a committed saga's outbox as being dispatched by this process, before anything is sent.</summary>
    public Dispatching Begin(SagaKind kind, Guid id)
    {
        var dispatching = new Dispatching(kind, id);
        _pending[(kind, id)] = dispatching;
        return dispatching;
    }

    /// <summary>Queues the clearing write of a saga whose outbox was dispatched.</summary>
    public void Enqueue(Dispatching dispatching, SagaWrite write)
    {
        dispatching.Write = write;
        if (!_queue.TryEnqueue(dispatching))
            End(dispatching); // shutting down: nothing will write it, and the document keeps its outbox for the next load
    }

    /// <summary>
    /// Ends a dispatch: its clear was written, or none will be (a send failed, or the queue is shut), and the next load
    /// then dispatches the outbox again.
    /// </summary>
    public void End(Dispatching dispatching)
    {
        _pending.TryRemove(new((dispatching.Kind, dispatching.Id), dispatching));
        dispatching.Written.TrySetResult();
    }

    /// <summary>Completes once no dispatch of this saga is under way: its stored document is then as current as this process knows.</summary>
    public Task Settled(SagaKind kind, Guid id) =>
        _pending.TryGetValue((kind, id), out var dispatching) ? dispatching.Written.Task : Task.CompletedTask;

    async Task Write(List<Dispatching> batch)
    {
        try
        {
            await _store.Sagas.TryUpdateMany([.. batch.Select(d => d.Write!)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not lost: each document keeps its outbox and audit entries until a later load clears them.
            _logger.LogWarning(ex, "Clearing {Count} dispatched saga outboxes failed; they are cleared on their next load", batch.Count);
        }
        finally
        {
            foreach (var dispatching in batch)
                End(dispatching);
        }
    }

    /// <summary>Writes what is queued before the process goes.</summary>
    public async ValueTask DisposeAsync() => await _queue.Complete();

    /// <summary>One saga's dispatch, from its first send until its clear is written, or none will be.</summary>
    public sealed class Dispatching(SagaKind kind, Guid id)
    {
        internal SagaKind Kind { get; } = kind;

        internal Guid Id { get; } = id;

        internal SagaWrite? Write { get; set; }

        internal TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
