using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

public static class StoreSagaRepositoryExtensions
{
    /// <summary>
    /// Keeps this saga in the moderation store (SQLite or MongoDB, whichever is registered). The domain registers its
    /// <see cref="OutboxMessageTypes"/>. A saga whose timers disagree with its kind in the registry is refused here.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> StoreRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, IStoredSaga
    {
        SagaKindCheck.Require<TSaga>();
        configurator.Repository(r =>
        {
            r.TryAddSingleton<OutboxClearQueue>();
            r.TryAddSingleton<OutboxDispatcher>();
            r.RegisterSagaRepository<TSaga, IModerationStore, SagaConsumeContextFactory<IModerationStore, TSaga>, StoreSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
