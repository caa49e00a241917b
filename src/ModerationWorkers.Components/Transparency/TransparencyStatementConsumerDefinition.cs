using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Transparency;

/// <summary>
/// The transparency-db role's endpoint: its queue is bound to the exchanges of the commands it reads. Enough messages
/// are in flight at once to fill a batch of the multiple-statement endpoint.
/// </summary>
public sealed class TransparencyStatementConsumerDefinition : ConsumerDefinition<TransparencyStatementConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public TransparencyStatementConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<TransparencyDatabaseOptions> options)
    {
        EndpointName = QueueNames.TransparencyDb;
        _endpoint = workers.Value.For(WorkerRole.TransparencyDb).WithInFlight(options.Value.BatchSize);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TransparencyStatementConsumer> consumerConfigurator, IRegistrationContext context) =>
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq, context);
}
