using System.Text.Json;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.ReadModel;

/// <summary>Reads what the workers stored, by the kinds registry, as plain records. It never writes.</summary>
public sealed class ModerationReadModel(IModerationStore store)
{
    public IModerationStore Store => store;

    public Task<CaseRecord?> Case(Guid caseId, CancellationToken cancellationToken) => Find<CaseRecord>(SagaKinds.Cases, caseId, cancellationToken);

    public Task<AccountRecord?> Account(string accountId, CancellationToken cancellationToken) =>
        Find<AccountRecord>(SagaKinds.Accounts, DeterministicId.ForAccount(accountId), cancellationToken);

    public Task<List<CaseRecord>> Cases(CancellationToken cancellationToken) => All<CaseRecord>(SagaKinds.Cases, cancellationToken);

    public Task<List<AccountRecord>> Accounts(CancellationToken cancellationToken) => All<AccountRecord>(SagaKinds.Accounts, cancellationToken);

    public Task<NotifierRecord?> Notifier(Guid notifierId, CancellationToken cancellationToken) =>
        Find<NotifierRecord>(SagaKinds.Notifiers, notifierId, cancellationToken);

    public Task<List<NotifierRecord>> Notifiers(CancellationToken cancellationToken) => All<NotifierRecord>(SagaKinds.Notifiers, cancellationToken);

    /// <summary>
    /// When each notifier was suspended for manifestly unfounded notices (EU DSA Art. 23(2)): from their audit trails,
    /// since a standing keeps only its latest suspension.
    /// </summary>
    public async Task<List<DateTimeOffset>> NotifierSuspensions(CancellationToken cancellationToken)
    {
        var suspensions = new List<DateTimeOffset>();
        foreach (var notifier in await Notifiers(cancellationToken))
            suspensions.AddRange((await store.Audit.Read(notifier.CorrelationId, cancellationToken))
                .Where(e => e.Decision == NotifierDecisions.Suspended).Select(e => e.At));
        return suspensions;
    }

    async Task<T?> Find<T>(SagaKind kind, Guid id, CancellationToken cancellationToken)
        where T : class =>
        await store.Sagas.Load(kind, id, cancellationToken) is { } document ? Read<T>(document) : null;

    async Task<List<T>> All<T>(SagaKind kind, CancellationToken cancellationToken)
        where T : class
    {
        var all = new List<T>();
        await foreach (var document in store.Sagas.Scan(kind, cancellationToken))
            all.Add(Read<T>(document));
        return all;
    }

    static T Read<T>(SagaDocument document)
        where T : class =>
        JsonSerializer.Deserialize<T>(document.Data, MessageJson.Options)
        ?? throw new InvalidOperationException($"Saga document {document.Id} is empty.");
}
