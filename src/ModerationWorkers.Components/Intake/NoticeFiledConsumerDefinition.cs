using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Intake;

/// <summary>The notice intake role's endpoint. It consumes only its own inbound message, so a raw JSON body without a type header is unambiguous.</summary>
public sealed class NoticeFiledConsumerDefinition : ConsumerDefinition<NoticeFiledConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;
    readonly LimitsOptions _limits;

    public NoticeFiledConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    {
        EndpointName = QueueNames.NoticeIntake;
        _endpoint = workers.Value.For(WorkerRole.NoticeIntake);
        _rabbitMq = rabbitMq.Value;
        _limits = limits.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<NoticeFiledConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        EndpointConfiguration.ApplyInbound<NoticeFiled>(endpointConfigurator, _endpoint, _rabbitMq, _limits);
}
