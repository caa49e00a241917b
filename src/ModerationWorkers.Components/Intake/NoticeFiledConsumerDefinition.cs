using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The notice intake role's endpoint.</summary>
public sealed class NoticeFiledConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<NoticeFiledConsumer, NoticeFiled>(QueueNames.NoticeIntake, WorkerRole.NoticeIntake, workers, rabbitMq, limits);
