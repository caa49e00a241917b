using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// The content intake role's endpoint. Uploads are consumed in batches (Workers:Endpoints:content-intake:BatchSize)
/// to write them together.
/// </summary>
public sealed class ContentUploadedConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ContentUploadedConsumer, ContentUploaded>(QueueNames.ContentIntake, WorkerRole.ContentIntake, workers, rabbitMq, limits)
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ContentUploadedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(EndpointSettings.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(Math.Max(1, EndpointSettings.ConcurrentMessageLimit / Math.Max(1, EndpointSettings.BatchSize))));
    }
}
