using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

/// <summary>Creates the store's tables or indexes before the bus starts consuming. Idempotent.</summary>
public sealed class StoreInitializer(IModerationStore store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Initialize(cancellationToken);
        logger.LogInformation("Store {StoreType} is ready", store.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
