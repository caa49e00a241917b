using MassTransit;
using Microsoft.Extensions.Hosting;
using ModerationWorkers.Components;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Host;

/// <summary>
/// The host's own part of /metrics. moderation.ready follows what /health/ready checks (the store is migrated, the bus
/// is healthy), so an alert can name the role that is not ready, which the probe tells only the kubelet. And the
/// counters start at zero, so a rate or an alert over one sees a series before its first event.
/// </summary>
sealed class HostMetrics(StoreReadiness store, IBusControl bus) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ModerationMetrics.InitializeCounters();
        ModerationMetrics.ObserveReadiness(() => store.IsReady && bus.CheckHealth().Status == BusHealthStatus.Healthy ? 1 : 0);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ModerationMetrics.ObserveReadiness(() => 0);
        return Task.CompletedTask;
    }
}
