using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The redress role's legal-actions endpoint.</summary>
public sealed class LegalActionFiledIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToCaseConsumer<LegalActionFiled>, LegalActionFiled>(QueueNames.LegalActions, WorkerRole.Redress, workers, rabbitMq, limits);
