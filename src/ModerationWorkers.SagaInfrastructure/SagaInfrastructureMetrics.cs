using System.Diagnostics.Metrics;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>The saga infrastructure's instruments, on the service's "ModerationWorkers" meter.</summary>
static class SagaInfrastructureMetrics
{
    static readonly Meter Meter = new("ModerationWorkers");

    static Func<int> _retryingTimers = () => 0;

    static readonly ObservableGauge<int> RetryingTimers = Meter.CreateObservableGauge("moderation.timers.retrying", () => _retryingTimers(),
        description: "Timers sent more than once and still pending: their message keeps failing (see modctl timers)");

    /// <summary>Where the retrying-timers gauge reads from: the timer dispatcher of this process.</summary>
    public static void ObserveRetryingTimers(Func<int> read) => _retryingTimers = read;
}
