namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// A saga that keeps a pending timer. Only timed sagas implement it; their kind says <see cref="SagaKind.HasTimers"/>.
/// The timer is stored with the state, so it is durable as soon as the state is.
/// </summary>
public interface ITimedSaga
{
    DateTimeOffset? TimerDueAt { get; set; }
}
