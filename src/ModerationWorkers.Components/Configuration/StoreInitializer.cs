using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Creates the store's tables or indexes, or migrates them, in the background: the host's endpoints come up first and
/// readiness stays false until it is done (<see cref="StoreReadiness"/>). Idempotent. A store that is away is tried
/// again; one it cannot use (a file from a newer release, say) stops the host with exit code 1. (A test harness has no
/// host lifetime to stop.)
/// </summary>
public sealed class StoreInitializer(IModerationStore store, StoreReadiness readiness, ILogger<StoreInitializer> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await store.Initialize(stoppingToken);
                readiness.MarkReady();
                logger.LogInformation("Store {StoreType} is ready", store.GetType().Name);
                return;
            }
            catch (Exception ex) when (StoreOutage.ReasonOf(ex) is { } reason && !stoppingToken.IsCancellationRequested)
            {
                // Away at start, like during an outage: not ready, and try again rather than exit.
                logger.LogWarning("Store {StoreType} is unavailable ({Reason}); not ready, trying again in {Delay}", store.GetType().Name, reason, delay);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogCritical(ex, "Store {StoreType} could not be initialised: {Reason}", store.GetType().Name, ex.Message);
                Environment.ExitCode = 1;
                lifetime?.StopApplication();
                return;
            }

            await Task.Delay(delay, stoppingToken);
            delay = delay * 2 > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay * 2;
        }
    }
}
