using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// A change to the store beside the saga's own document (the stay-down bank, say), decided with the saga's state. It
/// goes into the outbox and is applied after the commit, so it happens only if the decision committed, and again
/// after a crash until the outbox is cleared. Each effect must therefore be idempotent.
/// </summary>
public interface IStoreEffect
{
    Task Apply(IModerationStore store, CancellationToken cancellationToken);
}
