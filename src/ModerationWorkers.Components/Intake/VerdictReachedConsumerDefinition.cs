using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The verdicts role's endpoint.</summary>
public sealed class VerdictReachedConsumerDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<VerdictReachedConsumer, VerdictReached>(QueueNames.Verdicts, WorkerRole.Verdicts, workers, rabbitMq, limits);
