using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>Store effect of a removal: the content's fingerprint enters the stay-down bank under its case.</summary>
public sealed record BankFingerprint(BankedFingerprint Entry) : IStoreEffect
{
    public Task Apply(IModerationStore store, CancellationToken cancellationToken) => store.Fingerprints.Add(Entry, cancellationToken);
}
