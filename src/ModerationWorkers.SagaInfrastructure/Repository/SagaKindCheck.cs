namespace ModerationWorkers.SagaInfrastructure;

/// <summary>Holds a saga type to its kind in the registry: a timed kind's sagas keep timers, and only theirs do.</summary>
public static class SagaKindCheck
{
    public static void Require<TSaga>()
        where TSaga : class, IStoredSaga
    {
        var kind = TSaga.Kind;
        if (!SagaKinds.All.Contains(kind))
            throw new InvalidOperationException($"{typeof(TSaga).Name} names saga kind {kind.Name}, which is not in SagaKinds.All.");
        if (kind.HasTimers != typeof(ITimedSaga).IsAssignableFrom(typeof(TSaga)))
            throw new InvalidOperationException(kind.HasTimers
                ? $"{typeof(TSaga).Name} is of the timed kind {kind.Name} but does not implement ITimedSaga."
                : $"{typeof(TSaga).Name} implements ITimedSaga but its kind {kind.Name} has no timers.");
    }
}
