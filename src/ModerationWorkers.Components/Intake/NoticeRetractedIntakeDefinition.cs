using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The redress role's endpoint for notifiers' retractions, since issue 18.</summary>
public sealed class NoticeRetractedIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<NoticeRetractedConsumer, NoticeRetracted>(QueueNames.NoticeRetractions, WorkerRole.Redress, workers, rabbitMq, limits);
