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

    /// <summary>
    /// Counter-notices, appeals, legal actions and their outcomes, and since issue 18 notifiers' complaints and
    /// retractions: what parties file against a decision.
    /// </summary>
    public const string Redress = "redress";

    /// <summary>The notice-abuse ledger of each notifier.</summary>
    public const string NotifierStanding = "notifier-standing";

    /// <summary>
    /// Submits statements of reasons to the DSA Transparency Database. Off unless TransparencyDatabase:Endpoint is set:
    /// then "all" includes it, and naming it without the endpoint is refused.
    /// </summary>
    public const string TransparencyDb = "transparency-db";

    /// <summary>The roles "all" always runs.</summary>
    public static IReadOnlyList<string> All { get; } = [ContentIntake, NoticeIntake, Verdicts, CaseSaga, AccountStrikes, Timers, Redress, NotifierStanding];

    /// <summary>Roles that run only where they are configured.</summary>
    public static IReadOnlyList<string> Optional { get; } = [TransparencyDb];

    /// <summary>
    /// Roles that run as one replica, never autoscaled: timers consumes no queue (it polls the store, and a second
    /// poller only repeats the first one's work), and transparency-db is bounded by the database's rate limit, which
    /// each replica would spend again. Deployments (compose/kubernetes) hold these at one replica.
    /// </summary>
    public static IReadOnlySet<string> SingleReplica { get; } = new HashSet<string>(StringComparer.Ordinal) { Timers, TransparencyDb };

    /// <summary>The queues a role consumes; the timers role consumes none.</summary>
    public static IReadOnlyList<string> QueuesOf(string role) => role switch
    {
        CaseSaga => [Messages.QueueNames.CaseSaga, Messages.QueueNames.CaseSagaPriority, Messages.QueueNames.NoticeOutcomes],
        Redress =>
        [
            Messages.QueueNames.CounterNotices, Messages.QueueNames.Appeals, Messages.QueueNames.LegalActions, Messages.QueueNames.LegalActionOutcomes,
            Messages.QueueNames.NoticeComplaints, Messages.QueueNames.NoticeRetractions,
        ],
        AccountStrikes => [Messages.QueueNames.AccountStrikes, Messages.QueueNames.AccountOverrides],
        NotifierStanding => [Messages.QueueNames.NotifierStanding, Messages.QueueNames.NotifierOverrides],
        Timers => [],
        _ => [role],
    };

    /// <summary>
    /// Parses "all" or a comma-separated list. "all" adds the optional roles that are configured. Throws naming the
    /// unknown role.
    /// </summary>
    public static IReadOnlySet<string> Parse(string? roles, IReadOnlySet<string>? configuredOptional = null)
    {
        if (string.IsNullOrWhiteSpace(roles) || roles.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            return All.Concat(Optional.Where(r => configuredOptional?.Contains(r) == true)).ToHashSet(StringComparer.Ordinal);

        var parsed = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = parsed.Where(r => !All.Contains(r) && !Optional.Contains(r)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown role(s) {string.Join(", ", unknown)}; known roles are {string.Join(", ", All.Concat(Optional))}.");
        return parsed.ToHashSet(StringComparer.Ordinal);
    }
}
