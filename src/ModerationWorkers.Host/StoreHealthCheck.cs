using Microsoft.Extensions.Diagnostics.HealthChecks;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Host;

/// <summary>Ready only while the store answers.</summary>
public sealed class StoreHealthCheck(IModerationStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.Ping(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}
