namespace ModerationWorkers.Contracts;

public enum CaseOutcome
{
    ContentRemoved,
    NoInfringementFound,
}
