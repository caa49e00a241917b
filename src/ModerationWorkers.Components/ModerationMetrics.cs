using System.Diagnostics.Metrics;

namespace ModerationWorkers.Components;

/// <summary>The service's own counters, on the "ModerationWorkers" meter (the saga infrastructure adds its timer gauge to it).</summary>
public static class ModerationMetrics
{
    public const string MeterName = "ModerationWorkers";

    static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> ContentRegistered = Meter.CreateCounter<long>("moderation.content.registered");
    public static readonly Counter<long> NoticesReceived = Meter.CreateCounter<long>("moderation.notices.received");
    public static readonly Counter<long> NoticesAccepted = Meter.CreateCounter<long>("moderation.notices.accepted");
    public static readonly Counter<long> NoticesRejected = Meter.CreateCounter<long>("moderation.notices.rejected");
    public static readonly Counter<long> CasesOpened = Meter.CreateCounter<long>("moderation.cases.opened");
    public static readonly Counter<long> CasesClosed = Meter.CreateCounter<long>("moderation.cases.closed");
    public static readonly Counter<long> VerdictsUnauthorised = Meter.CreateCounter<long>("moderation.verdicts.unauthorised");
    public static readonly Counter<long> VerdictsIgnored = Meter.CreateCounter<long>("moderation.verdicts.ignored");
    public static readonly Counter<long> Restrictions = Meter.CreateCounter<long>("moderation.restrictions");
    public static readonly Counter<long> Strikes = Meter.CreateCounter<long>("moderation.strikes");
    public static readonly Counter<long> StrikesRetracted = Meter.CreateCounter<long>("moderation.strikes.retracted");
    public static readonly Counter<long> ContentRestored = Meter.CreateCounter<long>("moderation.content.restored");
    public static readonly Counter<long> StayDownMatches = Meter.CreateCounter<long>("moderation.staydown.matches");
    public static readonly Counter<long> RedressFiled = Meter.CreateCounter<long>("moderation.redress.filed");
    public static readonly Counter<long> NotifiersSuspended = Meter.CreateCounter<long>("moderation.notifiers.suspended");
    public static readonly Counter<long> CommandsPublished = Meter.CreateCounter<long>("moderation.commands.published");
    public static readonly Counter<long> EndpointPauses = Meter.CreateCounter<long>("moderation.endpoint.pauses",
        description: "Times an endpoint paused because the store was unavailable");

    static Func<IEnumerable<Configuration.StoreCircuit>> _circuits = () => [];

    /// <summary>Where the paused-endpoint gauge reads from: the store circuits of this process's bus.</summary>
    public static void ObservePausedEndpoints(Func<IEnumerable<Configuration.StoreCircuit>> read) => _circuits = read;

    static readonly ObservableGauge<int> PausedEndpoints = Meter.CreateObservableGauge("moderation.endpoint.paused",
        () => _circuits().Select(c => new Measurement<int>(c.OpenReason is null ? 0 : 1,
            new KeyValuePair<string, object?>("endpoint", c.Endpoint), new KeyValuePair<string, object?>("reason", c.OpenReason ?? "none"))),
        description: "1 while an endpoint is paused because the store is unavailable, with the reason; 0 while it consumes");

    public static readonly Counter<long> StatementsSubmitted = Meter.CreateCounter<long>("moderation.transparency.submitted",
        description: "Statements of reasons the DSA Transparency Database accepted, or already had under their puid");
    public static readonly Counter<long> StatementsRejected = Meter.CreateCounter<long>("moderation.transparency.rejected",
        description: "Statements of reasons the DSA Transparency Database refused for their content (see transparency-db_error)");

    static Func<int> _pendingStatements = () => 0;

    static readonly ObservableGauge<int> PendingStatements = Meter.CreateObservableGauge("moderation.transparency.pending", () => _pendingStatements(),
        description: "Statements of reasons taken by the transparency-db role and not yet answered by the database");

    /// <summary>Where the pending-statements gauge reads from: the submitter of this process.</summary>
    public static void ObservePendingStatements(Func<int> read) => _pendingStatements = read;

    public static readonly Counter<long> ConsumeFaults = Meter.CreateCounter<long>("moderation.consume.faults",
        description: "Failed consume attempts, retried or not, by queue, message type and exception: what leads to an _error queue");

    static Func<int> _ready = () => 0;

    static readonly ObservableGauge<int> Ready = Meter.CreateObservableGauge("moderation.ready", () => _ready(),
        description: "1 while this process is ready (its store is migrated and its bus consumes), as /health/ready answers; 0 otherwise");

    /// <summary>Adds zero to every counter without tags, so each has a series from the first scrape.</summary>
    public static void InitializeCounters()
    {
        foreach (var field in typeof(ModerationMetrics).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (field.GetValue(null) is Counter<long> counter)
                counter.Add(0);
        }
    }

    /// <summary>Where the readiness gauge reads from: the host of this process.</summary>
    public static void ObserveReadiness(Func<int> read) => _ready = read;

    public static readonly Histogram<double> NoticeToRemoval = Meter.CreateHistogram<double>("moderation.notice_to_removal", unit: "s",
        description: "Time from a notice's acceptance to the removal of the content");
}
