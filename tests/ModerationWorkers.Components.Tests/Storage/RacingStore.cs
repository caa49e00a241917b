using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>
/// A store that lets a test act as a second replica: <see cref="RacingSagaStore.BeforeUpdate"/> runs before a saga
/// update and may commit a competing write first, so the update loses its version check as it would in a real race.
/// </summary>
public sealed class RacingStore(IModerationStore inner) : IModerationStore
{
    public RacingSagaStore RacingSagas { get; } = new(inner.Sagas);

    public ISagaStore Sagas => RacingSagas;
    public IContentRegistry Content => inner.Content;
    public INoticeLedger Notices => inner.Notices;
    public IAuditTrail Audit => inner.Audit;
    public IFingerprintBank Fingerprints => inner.Fingerprints;

    public IStatementLedger Statements => inner.Statements;

    /// <summary>Runs before each initialisation; it may throw, as a store that is away at start would.</summary>
    public Func<Task>? BeforeInitialize { get; set; }

    public async Task Initialize(CancellationToken cancellationToken)
    {
        if (BeforeInitialize is { } before)
            await before();
        await inner.Initialize(cancellationToken);
    }

    public Task Ping(CancellationToken cancellationToken) => inner.Ping(cancellationToken);
}

public sealed class RacingSagaStore(ISagaStore inner) : ISagaStore
{
    /// <summary>Runs before each versioned update, with the store underneath; it may write there first.</summary>
    public Func<ISagaStore, SagaKind, SagaDocument, Task>? BeforeUpdate { get; set; }

    public Task<SagaDocument?> Load(SagaKind kind, Guid id, CancellationToken cancellationToken) => inner.Load(kind, id, cancellationToken);

    public Task<bool> TryInsert(SagaKind kind, SagaDocument document, CancellationToken cancellationToken) => inner.TryInsert(kind, document, cancellationToken);

    public async Task<bool> TryUpdate(SagaKind kind, SagaDocument document, int expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        if (BeforeUpdate is { } race)
            await race(inner, kind, document);
        return await inner.TryUpdate(kind, document, expectedVersion, audit, cancellationToken);
    }

    public Task<bool> TryDelete(SagaKind kind, Guid id, int expectedVersion, CancellationToken cancellationToken) => inner.TryDelete(kind, id, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<DueTimer>> FindDueTimers(SagaKind kind, DateTimeOffset now, int limit, DueTimer? after, CancellationToken cancellationToken) =>
        inner.FindDueTimers(kind, now, limit, after, cancellationToken);

    public IAsyncEnumerable<SagaDocument> Scan(SagaKind kind, CancellationToken cancellationToken) => inner.Scan(kind, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountByState(SagaKind kind, CancellationToken cancellationToken) => inner.CountByState(kind, cancellationToken);
}
