using MassTransit;
using MassTransit.Saga;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// MassTransit's entry to the store for one saga type. Queries are not supported: every event of our sagas is
/// correlated by id, and the only lookup by value (cases waiting for content) is an index of the store's own.
/// </summary>
public sealed class StoreSagaRepositoryContextFactory<TSaga>(
    IModerationStore store,
    OutboxClearQueue clears,
    OutboxDispatcher outbox,
    ISagaConsumeContextFactory<IModerationStore, TSaga> factory) : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, IStoredSaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "moderation-store");

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new StoreSagaRepositoryContext<TSaga, T>(store, clears, outbox, context, factory));

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"The store's saga repository for {typeof(TSaga).Name} correlates by id only.");
}
