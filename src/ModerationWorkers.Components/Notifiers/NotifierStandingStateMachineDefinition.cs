using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Notifiers;

/// <summary>The notifier standing endpoint: partitioned by notifier within a process, version-checked across processes.</summary>
public sealed class NotifierStandingStateMachineDefinition : SagaDefinition<NotifierStandingState>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public NotifierStandingStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    {
        EndpointName = QueueNames.NotifierStanding;
        _endpoint = workers.Value.For(WorkerRole.NotifierStanding);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<NotifierStandingState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq);

        var partition = endpointConfigurator.CreatePartitioner(_endpoint.ConcurrentMessageLimit);
        sagaConfigurator.Message<RecordNoticeOutcome>(x => x.UsePartitioner(partition, m => m.Message.NotifierId));
    }
}
