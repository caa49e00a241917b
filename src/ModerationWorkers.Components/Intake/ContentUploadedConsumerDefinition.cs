using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Intake;

/// <summary>The content intake role's endpoint. It consumes only its own inbound message, so a raw JSON body without a type header is unambiguous.</summary>
public sealed class ContentUploadedConsumerDefinition : ConsumerDefinition<ContentUploadedConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public ContentUploadedConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    {
        EndpointName = QueueNames.ContentIntake;
        _endpoint = workers.Value.For(WorkerRole.ContentIntake);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ContentUploadedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq, context);
}
