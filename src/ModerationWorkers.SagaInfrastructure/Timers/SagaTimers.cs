namespace ModerationWorkers.SagaInfrastructure;

/// <summary>Where the due timers of one timed saga kind go, and as what message.</summary>
public sealed record SagaTimerTarget(SagaKind Kind, Uri Destination, Func<DueTimer, object> Message);

/// <summary>What the timer dispatcher polls, registered by the domain: how often, and a target for every timed kind.</summary>
public sealed record SagaTimers(TimeSpan PollInterval, IReadOnlyList<SagaTimerTarget> Targets)
{
    /// <summary>Every timed kind in the registry needs a target: a timer nobody sends would never fire.</summary>
    public void Validate()
    {
        foreach (var kind in SagaKinds.Timed)
            if (Targets.All(t => t.Kind != kind))
                throw new InvalidOperationException($"The timed saga kind {kind.Name} has no timer target.");
        foreach (var target in Targets)
            if (!target.Kind.HasTimers)
                throw new InvalidOperationException($"Saga kind {target.Kind.Name} has no timers, yet a timer target names it.");
    }
}
