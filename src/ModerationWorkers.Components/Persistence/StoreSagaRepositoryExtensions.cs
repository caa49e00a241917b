using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Persistence;

public static class StoreSagaRepositoryExtensions
{
    /// <summary>Keeps this saga in the moderation store (SQLite or MongoDB, whichever is registered).</summary>
    public static ISagaRegistrationConfigurator<TSaga> StoreRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, IStoredSaga
    {
        configurator.Repository(r =>
        {
            r.TryAddSingleton<OutboxClearQueue>();
            r.RegisterSagaRepository<TSaga, IModerationStore, SagaConsumeContextFactory<IModerationStore, TSaga>, StoreSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
