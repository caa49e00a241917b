using System.Diagnostics.Metrics;

namespace ModerationWorkers.Components;

/// <summary>The service's own counters, on the "ModerationWorkers" meter.</summary>
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
    static Func<int> _retryingTimers = () => 0;

    static readonly ObservableGauge<int> RetryingTimers = Meter.CreateObservableGauge("moderation.timers.retrying", () => _retryingTimers(),
        description: "Timers sent more than once and still pending: their CaseTimerElapsed keeps failing (see modctl timers)");

    /// <summary>Where the retrying-timers gauge reads from: the timer dispatcher of this process.</summary>
    public static void ObserveRetryingTimers(Func<int> read) => _retryingTimers = read;

    public static readonly Histogram<double> NoticeToRemoval = Meter.CreateHistogram<double>("moderation.notice_to_removal", unit: "s",
        description: "Time from a notice's acceptance to the removal of the content");
}
