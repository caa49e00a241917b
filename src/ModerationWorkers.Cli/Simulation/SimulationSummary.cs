namespace ModerationWorkers.Cli.Simulation;

/// <summary>What a simulation saw come back from the service.</summary>
public sealed record SimulationSummary(
    int CasesOpened,
    IReadOnlyDictionary<string, int> CasesByOutcome,
    IReadOnlyDictionary<string, int> CommandsByType,
    IReadOnlyDictionary<string, int> RestrictionsByLevel,
    int NoticesRejected,
    double? NoticeToRemovalP50Ms,
    double? NoticeToRemovalP99Ms,
    bool Complete);
