using System.Threading.Channels;

namespace ModerationWorkers.Storage;

/// <summary>
/// A queue that one loop, started on first use, hands to a handler in batches: whatever queued up while the last batch
/// was handled, up to a maximum. There is no timer, so an idle queue adds no latency, and a busy one pays the handler's
/// fixed cost (a commit, say) once per batch instead of once per item.
/// </summary>
/// <param name="handle">Handles one batch and never throws. The list is reused for the next batch: do not keep it.</param>
public sealed class BatchingQueue<T>(int maxBatch, Func<List<T>, Task> handle)
{
    readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    readonly Lock _start = new();
    Task? _loop;

    /// <summary>Queues an item; false once the queue is completed.</summary>
    public bool TryEnqueue(T item)
    {
        if (!_queue.Writer.TryWrite(item))
            return false;

        if (_loop is null)
        {
            lock (_start)
                _loop ??= Task.Run(Drain);
        }

        return true;
    }

    /// <summary>Takes no more items, and completes once those queued are handled.</summary>
    public async Task Complete()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
            await loop;
    }

    async Task Drain()
    {
        var batch = new List<T>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var item))
                batch.Add(item);

            await handle(batch);
            batch.Clear();
        }
    }
}
