using System.Diagnostics.Metrics;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>The saga infrastructure's instruments, on the service's "ModerationWorkers" meter.</summary>
static class SagaInfrastructureMetrics
{
    static readonly Meter Meter = new("ModerationWorkers");

    static Func<int> _retryingTimers = () => 0;

    static readonly ObservableGauge<int> RetryingTimers = Meter.CreateObservableGauge("moderation.timers.retrying", () => _retryingTimers(),
        description: "Timers sent more than once and still pending: their message keeps failing (see modctl timers)");

    static Func<double> _overdueSeconds = () => 0;

    static readonly ObservableGauge<double> OverdueTimers = Meter.CreateObservableGauge("moderation.timers.overdue", () => _overdueSeconds(), unit: "s",
        description: "How long the oldest due timer had been due at the last pass, 0 when none was: a timer fires late, never early");

    /// <summary>Where the retrying-timers gauge reads from: the timer dispatcher of this process.</summary>
    public static void ObserveRetryingTimers(Func<int> read) => _retryingTimers = read;

    /// <summary>Where the overdue-timers gauge reads from: the timer dispatcher of this process.</summary>
    public static void ObserveOverdueTimers(Func<double> read) => _overdueSeconds = read;
}
