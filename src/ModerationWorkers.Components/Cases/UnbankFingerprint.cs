using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>Store effect of a restore: the case's own entry leaves the stay-down bank; other cases' entries stay.</summary>
public sealed record UnbankFingerprint(string Fingerprint, Guid CaseId) : IStoreEffect
{
    public Task Apply(IModerationStore store, CancellationToken cancellationToken) => store.Fingerprints.Remove(Fingerprint, CaseId, cancellationToken);
}
