using System.Text.Json;
using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Persistence;

/// <summary>
/// Dispatches what a saga committed: its pending messages (with their stored message ids, so a replay is a
/// recognisable duplicate), then clears them and files its pending audit entries in one more versioned write.
/// </summary>
public static class OutboxDispatcher
{
    static bool IsStoreEffect(PendingMessage pending) => pending.Destination == OutboxMessage.StoreDestination;

    static object Read(PendingMessage pending) =>
        pending.Message
        ?? JsonSerializer.Deserialize(pending.Body, MessageTypeRegistry.Resolve(pending.MessageType), MessageJson.Options)
        ?? throw new InvalidOperationException($"Outbox message {pending.MessageId} is empty.");

    static async Task Send(PendingMessage pending, ConsumeContext context, CancellationToken cancellationToken)
    {
        var type = MessageTypeRegistry.Resolve(pending.MessageType);
        var message = Read(pending);
        var messageId = pending.MessageId;

        if (pending.Destination is null)
        {
            await context.Publish(message, type, Pipe.Execute<PublishContext>(c => c.MessageId = messageId), cancellationToken);
            if (message is RemoveContent or RestrictAccount)
                ModerationMetrics.CommandsPublished.Add(1, new KeyValuePair<string, object?>("type", pending.MessageType));
        }
        else
        {
            var endpoint = await context.GetSendEndpoint(QueueNames.Resolve(pending.Destination));
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(c => c.MessageId = messageId), cancellationToken);
        }
    }

    public static bool HasPending(IStoredSaga saga) => saga.Outbox.Count > 0 || saga.PendingAudit.Count > 0;

    /// <summary>
    /// Dispatches, then clears: at once when <paramref name="deferred"/> is null (the saga's version is then the clearing
    /// write's on success), or through the batching queue after a commit on the hot path.
    /// </summary>
    public static async Task Dispatch<TSaga>(TSaga saga, ConsumeContext context, IModerationStore store, string kind, OutboxClearQueue? deferred = null)
        where TSaga : class, IStoredSaga
    {
        var cancellationToken = context.CancellationToken;
        // Store effects first, one by one in the order decided (a bank entry, then its removal, say).
        foreach (var pending in saga.Outbox.Where(IsStoreEffect))
            await ((IStoreEffect)Read(pending)).Apply(store, cancellationToken);
        // Messages all at once: each waits for its publisher confirm, and the broker confirms them together.
        await Task.WhenAll(saga.Outbox.Where(pending => !IsStoreEffect(pending)).Select(pending => Send(pending, context, cancellationToken)));

        var audit = saga.PendingAudit;
        saga.Outbox = [];
        saga.PendingAudit = [];
        var cleared = SagaDocumentSerializer.ToDocument(saga, saga.Version + 1);
        if (deferred is not null)
        {
            deferred.Enqueue(new SagaWrite(kind, cleared, saga.Version, audit));
            return;
        }

        // One write clears the outbox and files the audit entries. A conflict means another consumer loaded the
        // same pending work and dispatched it too; the ids it published are the same, so its write is as good as ours.
        if (await store.Sagas.TryUpdate(kind, cleared, saga.Version, audit, cancellationToken))
            saga.Version = cleared.Version;
    }
}
