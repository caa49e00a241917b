using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Storage;

/// <summary>What every provider checks of a saga kind before it queries.</summary>
static class SagaStoreChecks
{
    /// <summary>Only timed kinds are indexed for due timers: a query of another kind is a programming error, not an empty page.</summary>
    public static void RequireTimers(SagaKind kind)
    {
        if (!kind.HasTimers)
            throw new InvalidOperationException($"Saga kind {kind.Name} has no timers.");
    }
}
