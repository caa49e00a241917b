using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Intake;

/// <summary>The notice intake role's endpoint. It consumes only its own inbound message, so a raw JSON body without a type header is unambiguous.</summary>
public sealed class NoticeFiledConsumerDefinition : ConsumerDefinition<NoticeFiledConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public NoticeFiledConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    {
        EndpointName = QueueNames.NoticeIntake;
        _endpoint = workers.Value.For(WorkerRole.NoticeIntake);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<NoticeFiledConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq, context);
}
