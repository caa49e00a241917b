using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// The content intake role's endpoint. It consumes only ContentUploaded, so a raw JSON body without a type header is
/// unambiguous; uploads are consumed in batches (Workers:Endpoints:content-intake:BatchSize) to write them together.
/// </summary>
public sealed class ContentUploadedConsumerDefinition : ConsumerDefinition<ContentUploadedConsumer>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;
    readonly LimitsOptions _limits;

    public ContentUploadedConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    {
        EndpointName = QueueNames.ContentIntake;
        _endpoint = workers.Value.For(WorkerRole.ContentIntake);
        _rabbitMq = rabbitMq.Value;
        _limits = limits.Value;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ContentUploadedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        EndpointConfiguration.ApplyInbound<ContentUploaded>(endpointConfigurator, _endpoint, _rabbitMq, _limits);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_endpoint.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(Math.Max(1, _endpoint.ConcurrentMessageLimit / Math.Max(1, _endpoint.BatchSize))));
    }
}
