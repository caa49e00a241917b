using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The redress role's counter-notices endpoint.</summary>
public sealed class CounterNoticeFiledIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToCaseConsumer<CounterNoticeFiled>, CounterNoticeFiled>(QueueNames.CounterNotices, WorkerRole.Redress, workers, rabbitMq, limits);
