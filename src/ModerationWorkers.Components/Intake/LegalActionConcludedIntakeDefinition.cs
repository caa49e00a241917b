using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The redress role's legal-action-outcomes endpoint: how a legal hold ends.</summary>
public sealed class LegalActionConcludedIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToCaseConsumer<LegalActionConcluded>, LegalActionConcluded>(QueueNames.LegalActionOutcomes, WorkerRole.Redress, workers, rabbitMq, limits);
