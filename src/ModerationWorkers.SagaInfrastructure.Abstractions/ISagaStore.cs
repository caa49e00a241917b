namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// The storage port of saga documents, grouped by kind (one kind per saga type, from <see cref="SagaKinds"/>), with
/// optimistic concurrency on the version. Storage providers implement it.
/// </summary>
public interface ISagaStore
{
    Task<SagaDocument?> Load(SagaKind kind, Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts a new document. False when one with that id exists already.</summary>
    Task<bool> TryInsert(SagaKind kind, SagaDocument document, CancellationToken cancellationToken);

    /// <summary>Replaces the document only where the stored version is <paramref name="expectedVersion"/>. False otherwise.</summary>
    Task<bool> TryUpdate(SagaKind kind, SagaDocument document, int expectedVersion, CancellationToken cancellationToken) =>
        TryUpdate(kind, document, expectedVersion, [], cancellationToken);

    /// <summary>
    /// Replaces the document as above and appends audit entries (idempotently) with it: in one transaction where the
    /// provider has them, otherwise audit first, so the entries are never lost once the document no longer holds them.
    /// </summary>
    Task<bool> TryUpdate(SagaKind kind, SagaDocument document, int expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Applies several independent versioned replacements, each as <see cref="TryUpdate(SagaKind, SagaDocument, int, IReadOnlyList{AuditEntry}, CancellationToken)"/>
    /// would: a stale one is skipped with its audit entries, the others apply. Where the provider has transactions
    /// they share one, which is what makes a batch cheaper than its writes one by one. The results are in order.
    /// </summary>
    async Task<IReadOnlyList<bool>> TryUpdateMany(IReadOnlyList<SagaWrite> writes, CancellationToken cancellationToken)
    {
        var results = new bool[writes.Count];
        for (var i = 0; i < writes.Count; i++)
            results[i] = await TryUpdate(writes[i].Kind, writes[i].Document, writes[i].ExpectedVersion, writes[i].Audit, cancellationToken);
        return results;
    }

    /// <summary>Deletes the document only where the stored version is <paramref name="expectedVersion"/>. False otherwise.</summary>
    Task<bool> TryDelete(SagaKind kind, Guid id, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// The documents of a timed kind (<see cref="SagaKind.HasTimers"/>) whose timer is due at <paramref name="now"/>, earliest first (by due time, then id), starting after
    /// <paramref name="after"/> when given: a page, so a reader can walk past timers it is holding back.
    /// </summary>
    Task<IReadOnlyList<DueTimer>> FindDueTimers(SagaKind kind, DateTimeOffset now, int limit, DueTimer? after, CancellationToken cancellationToken);

    /// <summary>Every document of a kind, for operators' reports; not for the hot path.</summary>
    IAsyncEnumerable<SagaDocument> Scan(SagaKind kind, CancellationToken cancellationToken);

    /// <summary>How many documents of a kind are in each state.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByState(SagaKind kind, CancellationToken cancellationToken);
}
