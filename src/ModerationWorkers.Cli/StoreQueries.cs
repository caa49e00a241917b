using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Cli;

/// <summary>The saga documents the CLI reads, as their state types.</summary>
static class StoreQueries
{
    public static Task<CaseState?> Case(this IModerationStore store, Guid caseId, CancellationToken cancellationToken) =>
        store.Sagas.Find<CaseState>(caseId, cancellationToken);

    public static Task<AccountStrikesState?> Account(this IModerationStore store, Guid accountKey, CancellationToken cancellationToken) =>
        store.Sagas.Find<AccountStrikesState>(accountKey, cancellationToken);

    public static async Task<List<T>> All<T>(this IModerationStore store, CancellationToken cancellationToken)
        where T : class, IStoredSaga
    {
        var all = new List<T>();
        await foreach (var saga in store.Sagas.All<T>(cancellationToken))
            all.Add(saga);
        return all;
    }
}
