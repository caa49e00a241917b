using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Cli;

/// <summary>The saga documents the CLI reads, turned back into their state types.</summary>
static class StoreQueries
{
    public static async Task<CaseState?> Case(this IModerationStore store, Guid caseId, CancellationToken cancellationToken) =>
        await store.Sagas.Load(SagaKindAttribute.Of<CaseState>(), caseId, cancellationToken) is { } document
            ? SagaDocumentSerializer.FromDocument<CaseState>(document)
            : null;

    public static async Task<AccountStrikesState?> Account(this IModerationStore store, Guid accountKey, CancellationToken cancellationToken) =>
        await store.Sagas.Load(SagaKindAttribute.Of<AccountStrikesState>(), accountKey, cancellationToken) is { } document
            ? SagaDocumentSerializer.FromDocument<AccountStrikesState>(document)
            : null;

    public static async Task<List<T>> All<T>(this IModerationStore store, CancellationToken cancellationToken)
        where T : class, IStoredSaga
    {
        var all = new List<T>();
        await foreach (var document in store.Sagas.Scan(SagaKindAttribute.Of<T>(), cancellationToken))
            all.Add(SagaDocumentSerializer.FromDocument<T>(document));
        return all;
    }
}
