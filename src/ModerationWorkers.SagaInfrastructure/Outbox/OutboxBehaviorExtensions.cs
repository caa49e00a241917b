using System.Text.Json;
using MassTransit;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Sagas on the store do not publish directly: they add the message to their outbox, which is committed with
/// the state and dispatched right after the commit.
/// </summary>
public static class OutboxBehaviorExtensions
{
    public static EventActivityBinder<TSaga, TData> PublishOnCommit<TSaga, TData, TMessage>(
        this EventActivityBinder<TSaga, TData> binder, Func<BehaviorContext<TSaga, TData>, TMessage> create)
        where TSaga : class, IStoredSaga
        where TData : class
        where TMessage : class =>
        binder.Then(context => context.Saga.Outbox.Add(OutboxMessage.Publish(create(context))));

    public static EventActivityBinder<TSaga, TData> SendOnCommit<TSaga, TData, TMessage>(
        this EventActivityBinder<TSaga, TData> binder, Uri destination, Func<BehaviorContext<TSaga, TData>, TMessage> create)
        where TSaga : class, IStoredSaga
        where TData : class
        where TMessage : class =>
        binder.Then(context => context.Saga.Outbox.Add(OutboxMessage.Send(destination, create(context))));

    /// <summary>A change to the store that commits with the state: applied after the commit, never without it.</summary>
    public static EventActivityBinder<TSaga, TData> ApplyOnCommit<TSaga, TData, TEffect>(
        this EventActivityBinder<TSaga, TData> binder, Func<BehaviorContext<TSaga, TData>, TEffect?> create)
        where TSaga : class, IStoredSaga
        where TData : class
        where TEffect : class, IStoreEffect =>
        binder.Then(context =>
        {
            if (create(context) is { } effect)
                context.Saga.Outbox.Add(OutboxMessage.Effect(effect));
        });
}

/// <summary>Builds the outbox entries of a message to publish, to send, or to apply to the store.</summary>
public static class OutboxMessage
{
    /// <summary>The destination of a store effect: applied to the store, not sent.</summary>
    public const string StoreDestination = "store:";

    public static PendingMessage Effect<TEffect>(TEffect effect)
        where TEffect : class, IStoreEffect => Create(effect, StoreDestination);

    public static PendingMessage Publish<TMessage>(TMessage message)
        where TMessage : class => Create(message, destination: null);

    public static PendingMessage Send<TMessage>(Uri destination, TMessage message)
        where TMessage : class => Create(message, destination.ToString());

    static PendingMessage Create<TMessage>(TMessage message, string? destination)
        where TMessage : class =>
        new(NewId.NextGuid(), typeof(TMessage).Name, destination,
            JsonSerializer.Serialize(message, MessageJson.Options)) { Message = message };
}
