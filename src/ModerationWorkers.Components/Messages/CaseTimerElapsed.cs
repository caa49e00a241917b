namespace ModerationWorkers.Components.Messages;

/// <summary>Internal event, timer dispatcher to the case saga: the timer the case stored has come due.</summary>
public sealed record CaseTimerElapsed
{
    public required Guid CaseId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}
