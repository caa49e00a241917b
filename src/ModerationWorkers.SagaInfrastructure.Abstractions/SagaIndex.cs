namespace ModerationWorkers.SagaInfrastructure;

/// <summary>The queries a saga kind's collection is indexed for.</summary>
public enum SagaIndex
{
    /// <summary>Documents by state: operators' counts.</summary>
    State,

    /// <summary>Documents by due timer, then id: the timer dispatcher's pages.</summary>
    TimerDue,
}
