using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Loads and saves one saga instance for one message, with optimistic concurrency on the version: a write
/// only succeeds where the stored version is the loaded one, and a conflict is a <see cref="ConcurrencyException"/>
/// that the endpoint retries. After each commit, the outbox committed with it is dispatched.
/// </summary>
public sealed class StoreSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, IStoredSaga
    where TMessage : class
{
    readonly IModerationStore _store;
    readonly ConsumeContext<TMessage> _context;
    readonly ISagaConsumeContextFactory<IModerationStore, TSaga> _factory;
    readonly OutboxClearQueue _clears;
    readonly OutboxDispatcher _outbox;

    // The JSON as loaded: a message that changes nothing (a duplicate, say) then costs no write.
    string? _loadedData;

    public StoreSagaRepositoryContext(IModerationStore store, OutboxClearQueue clears, OutboxDispatcher outbox, ConsumeContext<TMessage> context,
        ISagaConsumeContextFactory<IModerationStore, TSaga> factory)
        : base(context)
    {
        _store = store;
        _clears = clears;
        _outbox = outbox;
        _context = context;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_store, _context, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        instance.Version = 1;
        if (!await _store.Sagas.TryInsert(TSaga.Kind, SagaDocumentSerializer.ToDocument(instance, 1), _context.CancellationToken))
            return default!;

        return await _factory.CreateSagaConsumeContext(_store, _context, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        await _clears.Settled(TSaga.Kind, correlationId);
        var document = await _store.Sagas.Load(TSaga.Kind, correlationId, _context.CancellationToken);
        if (document is null)
            return default!;

        var instance = SagaDocumentSerializer.FromDocument<TSaga>(document);

        // Left over from a process that committed and died before dispatching: finish that first.
        if (OutboxDispatcher.HasPending(instance))
            await _outbox.Dispatch(instance, _context, deferClear: false);

        _loadedData = SagaDocumentSerializer.ToDocument(instance, instance.Version).Data;
        return await _factory.CreateSagaConsumeContext(_store, _context, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> sagaContext)
    {
        var saga = sagaContext.Saga;
        if (!await _store.Sagas.TryInsert(TSaga.Kind, SagaDocumentSerializer.ToDocument(saga, 1), _context.CancellationToken))
            throw Conflict(saga, "was inserted by another consumer");

        saga.Version = 1;
        if (OutboxDispatcher.HasPending(saga))
            await _outbox.Dispatch(saga, _context, deferClear: true);
    }

    public async Task Update(SagaConsumeContext<TSaga> sagaContext)
    {
        var saga = sagaContext.Saga;
        var loaded = saga.Version;
        var document = SagaDocumentSerializer.ToDocument(saga, loaded + 1);
        if (document.Data == _loadedData)
            return;

        if (!await _store.Sagas.TryUpdate(TSaga.Kind, document, loaded, _context.CancellationToken))
            throw Conflict(saga, $"changed since version {loaded} was loaded");

        saga.Version = loaded + 1;
        if (OutboxDispatcher.HasPending(saga))
            await _outbox.Dispatch(saga, _context, deferClear: true);
    }

    public async Task Delete(SagaConsumeContext<TSaga> sagaContext)
    {
        var saga = sagaContext.Saga;
        if (!await _store.Sagas.TryDelete(TSaga.Kind, saga.CorrelationId, saga.Version, _context.CancellationToken))
            throw Conflict(saga, "changed before it could be deleted");
    }

    public Task Discard(SagaConsumeContext<TSaga> sagaContext) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> sagaContext) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_store, consumeContext, instance, mode);

    static StoredSagaConcurrencyException Conflict(TSaga saga, string what) =>
        new($"{typeof(TSaga).Name} {saga.CorrelationId} {what}", typeof(TSaga), saga.CorrelationId);
}
