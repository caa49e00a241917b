using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Intake;

/// <summary>The verdicts role's endpoint. It consumes only its own inbound message, so a raw JSON body without a type header is unambiguous.</summary>
public sealed class VerdictReachedConsumerDefinition : ConsumerDefinition<VerdictReachedConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;
    readonly LimitsOptions _limits;

    public VerdictReachedConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    {
        EndpointName = QueueNames.Verdicts;
        _endpoint = workers.Value.For(WorkerRole.Verdicts);
        _rabbitMq = rabbitMq.Value;
        _limits = limits.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<VerdictReachedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        EndpointConfiguration.ApplyInbound<VerdictReached>(endpointConfigurator, _endpoint, _rabbitMq, _limits);
}
