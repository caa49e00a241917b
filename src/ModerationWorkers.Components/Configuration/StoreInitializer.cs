using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Creates the store's tables or indexes, or migrates them, in the background: the host's endpoints come up first and
/// readiness stays false until it is done (<see cref="StoreReadiness"/>). Idempotent. A store it cannot use (a file from
/// a newer release, say) stops the host with exit code 1. (A test harness has no host lifetime to stop.)
/// </summary>
public sealed class StoreInitializer(IModerationStore store, StoreReadiness readiness, ILogger<StoreInitializer> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.Initialize(stoppingToken);
            readiness.MarkReady();
            logger.LogInformation("Store {StoreType} is ready", store.GetType().Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogCritical(ex, "Store {StoreType} could not be initialised: {Reason}", store.GetType().Name, ex.Message);
            Environment.ExitCode = 1;
            lifetime?.StopApplication();
        }
    }
}
