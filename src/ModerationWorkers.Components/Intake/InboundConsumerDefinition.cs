using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// The endpoint of a role that consumes one public inbound event. It consumes only that event, so a raw JSON body
/// without a type header is unambiguous, and the event is checked before any consumer sees it.
/// </summary>
public abstract class InboundConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
    where TMessage : class
{
    protected InboundConsumerDefinition(string queue, string role, IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq,
        IOptions<LimitsOptions> limits)
    {
        EndpointName = queue;
        EndpointSettings = workers.Value.For(role);
        RabbitMq = rabbitMq.Value;
        Limits = limits.Value;
    }

    protected EndpointOptions EndpointSettings { get; }

    RabbitMqOptions RabbitMq { get; }

    LimitsOptions Limits { get; }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        EndpointConfiguration.ApplyInbound<TMessage>(endpointConfigurator, EndpointSettings, RabbitMq, Limits, context);
}
