using System.Text.Json;
using MassTransit;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Dispatches what a saga committed: its pending messages (with their stored message ids, so a replay is a
/// recognisable duplicate), then clears them and files its pending audit entries in one more versioned write.
/// </summary>
public sealed class OutboxDispatcher(IModerationStore store, OutboxMessageTypes types, OutboxClearQueue clears)
{
    static bool IsStoreEffect(PendingMessage pending) => pending.Destination == OutboxMessage.StoreDestination;

    object Read(PendingMessage pending) =>
        pending.Message
        ?? JsonSerializer.Deserialize(pending.Body, types.Resolve(pending.MessageType), MessageJson.Options)
        ?? throw new InvalidOperationException($"Outbox message {pending.MessageId} is empty.");

    async Task Send(PendingMessage pending, ConsumeContext context, CancellationToken cancellationToken)
    {
        var type = types.Resolve(pending.MessageType);
        var message = Read(pending);
        var messageId = pending.MessageId;

        if (pending.Destination is null)
        {
            await context.Publish(message, type, Pipe.Execute<PublishContext>(c => c.MessageId = messageId), cancellationToken);
            types.Published(message);
        }
        else
        {
            var endpoint = await context.GetSendEndpoint(types.Destination(pending.Destination));
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(c => c.MessageId = messageId), cancellationToken);
        }
    }

    public static bool HasPending(IStoredSaga saga) => saga.Outbox.Count > 0 || saga.PendingAudit.Count > 0;

    /// <summary>
    /// Dispatches, then clears: through the batching queue after a commit on the hot path (<paramref name="deferClear"/>),
    /// or at once (the saga's version is then the clearing write's on success).
    /// </summary>
    public async Task Dispatch<TSaga>(TSaga saga, ConsumeContext context, bool deferClear)
        where TSaga : class, IStoredSaga
    {
        var cancellationToken = context.CancellationToken;
        var dispatching = deferClear ? clears.Begin(TSaga.Kind, saga.CorrelationId) : null;
        SagaDocument cleared;
        IReadOnlyList<AuditEntry> audit;
        try
        {
            // Store effects first, one by one in the order decided (a bank entry, then its removal, say).
            foreach (var pending in saga.Outbox.Where(IsStoreEffect))
                await ((IStoreEffect)Read(pending)).Apply(store, cancellationToken);
            // Messages all at once: each waits for its publisher confirm, and the broker confirms them together.
            await Task.WhenAll(saga.Outbox.Where(pending => !IsStoreEffect(pending)).Select(pending => Send(pending, context, cancellationToken)));

            audit = saga.PendingAudit;
            saga.Outbox = [];
            saga.PendingAudit = [];
            cleared = SagaDocumentSerializer.ToDocument(saga, saga.Version + 1);
        }
        catch when (dispatching is not null)
        {
            // Nothing will clear it: the next load, here or elsewhere, dispatches the outbox again.
            clears.End(dispatching);
            throw;
        }

        if (dispatching is not null)
        {
            clears.Enqueue(dispatching, new SagaWrite(TSaga.Kind, cleared, saga.Version, audit));
            return;
        }

        // One write clears the outbox and files the audit entries. A conflict means another consumer loaded the
        // same pending work and dispatched it too; the ids it published are the same, so its write is as good as ours.
        if (await store.Sagas.TryUpdate(TSaga.Kind, cleared, saga.Version, audit, cancellationToken))
            saga.Version = cleared.Version;
    }
}
