namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// One kind of saga the store keeps: its collection's name, whether its documents carry a timer, and the indexes its
/// collection needs. The kinds are listed once, in <see cref="SagaKinds"/>.
/// </summary>
public sealed record SagaKind
{
    SagaKind(string name, bool hasTimers)
    {
        Name = name;
        HasTimers = hasTimers;
        // Operators count documents by state; only timed kinds are searched for due timers.
        Indexes = hasTimers ? [SagaIndex.State, SagaIndex.TimerDue] : [SagaIndex.State];
    }

    /// <summary>The collection's name in the store ("cases").</summary>
    public string Name { get; }

    /// <summary>Whether its sagas implement <see cref="ITimedSaga"/>, so the timer dispatcher polls this kind.</summary>
    public bool HasTimers { get; }

    public IReadOnlyList<SagaIndex> Indexes { get; }

    internal static SagaKind Untimed(string name) => new(name, hasTimers: false);

    internal static SagaKind Timed(string name) => new(name, hasTimers: true);

    public override string ToString() => Name;
}
