namespace ModerationWorkers.Components.Configuration;

/// <summary>The worker kinds a host can run. Each is its own deployment, scaled on its own.</summary>
public static class WorkerRole
{
    public const string ContentIntake = "content-intake";
    public const string NoticeIntake = "notice-intake";
    public const string Verdicts = "verdicts";
    public const string CaseSaga = "case-saga";
    public const string AccountStrikes = "account-strikes";
    public const string Timers = "timers";

    /// <summary>Counter-notices, appeals, legal actions and their outcomes: what parties file against a decision.</summary>
    public const string Redress = "redress";

    /// <summary>The notice-abuse ledger of each notifier.</summary>
    public const string NotifierStanding = "notifier-standing";

    public static IReadOnlyList<string> All { get; } = [ContentIntake, NoticeIntake, Verdicts, CaseSaga, AccountStrikes, Timers, Redress, NotifierStanding];

    /// <summary>The queues a role consumes; the timers role consumes none.</summary>
    public static IReadOnlyList<string> QueuesOf(string role) => role switch
    {
        CaseSaga => [Messages.QueueNames.CaseSaga, Messages.QueueNames.CaseSagaPriority],
        Redress => [Messages.QueueNames.CounterNotices, Messages.QueueNames.Appeals, Messages.QueueNames.LegalActions, Messages.QueueNames.LegalActionOutcomes],
        Timers => [],
        _ => [role],
    };

    /// <summary>Parses "all" or a comma-separated list. Throws naming the unknown role.</summary>
    public static IReadOnlySet<string> Parse(string? roles)
    {
        if (string.IsNullOrWhiteSpace(roles) || roles.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            return All.ToHashSet(StringComparer.Ordinal);

        var parsed = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = parsed.Where(r => !All.Contains(r)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown role(s) {string.Join(", ", unknown)}; known roles are {string.Join(", ", All)}.");
        return parsed.ToHashSet(StringComparer.Ordinal);
    }
}
