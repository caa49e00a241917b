using MassTransit;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// The endpoint of a saga on the store: its commands are sent to its queue's inbox exchange, so it binds no message exchanges;
/// it gets its role's prefetch, concurrency and retry; and each message is partitioned by its saga's key, so one
/// process never races itself on an instance. Across processes the version check and retry serialise instead.
/// </summary>
public abstract class PartitionedSagaDefinition<TSaga> : SagaDefinition<TSaga>
    where TSaga : class, ISaga
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    protected PartitionedSagaDefinition(string queue, EndpointOptions endpoint, RabbitMqOptions rabbitMq)
    {
        EndpointName = queue;
        _endpoint = endpoint;
        _rabbitMq = rabbitMq;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TSaga> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        var options = ConfigureEndpoint(endpointConfigurator, context);
        PartitionMessages(new SagaPartitioning(sagaConfigurator, endpointConfigurator.CreatePartitioner(options.ConcurrentMessageLimit)));
    }

    /// <summary>Binds the endpoint's ways in and applies its role's settings, which it returns.</summary>
    protected virtual EndpointOptions ConfigureEndpoint(IReceiveEndpointConfigurator endpointConfigurator, IRegistrationContext context)
    {
        EndpointConfiguration.BindInboxes(endpointConfigurator);
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq, context);
        return _endpoint;
    }

    /// <summary>Names each message the saga consumes with the key of the instance it belongs to.</summary>
    protected abstract void PartitionMessages(SagaPartitioning partitioning);

    protected sealed class SagaPartitioning(ISagaConfigurator<TSaga> saga, IPartitioner partitioner)
    {
        public SagaPartitioning By<TMessage>(Func<TMessage, Guid> key)
            where TMessage : class
        {
            saga.Message<TMessage>(x => x.UsePartitioner(partitioner, m => key(m.Message)));
            return this;
        }
    }
}
