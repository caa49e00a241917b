namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Whether the store's schema is in place (created, or migrated from an older release). Until it is, the process is
/// alive (its endpoints answer) but not ready, and no endpoint consumes: a migration that takes minutes keeps
/// /health/live up and /health/ready down, so an orchestrator neither kills the process nor sends it work.
/// </summary>
public sealed class StoreReadiness
{
    readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public void MarkReady() => _ready.TrySetResult();

    public Task WhenReady(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
