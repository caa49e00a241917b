using System.Runtime.CompilerServices;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>Reading saga documents back as their state types, for whoever inspects them outside MassTransit.</summary>
public static class SagaStoreExtensions
{
    public static async Task<TSaga?> Find<TSaga>(this ISagaStore sagas, Guid id, CancellationToken cancellationToken)
        where TSaga : class, IStoredSaga =>
        await sagas.Load(TSaga.Kind, id, cancellationToken) is { } document
            ? SagaDocumentSerializer.FromDocument<TSaga>(document)
            : null;

    public static async IAsyncEnumerable<TSaga> All<TSaga>(this ISagaStore sagas, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TSaga : class, IStoredSaga
    {
        await foreach (var document in sagas.Scan(TSaga.Kind, cancellationToken))
            yield return SagaDocumentSerializer.FromDocument<TSaga>(document);
    }
}
