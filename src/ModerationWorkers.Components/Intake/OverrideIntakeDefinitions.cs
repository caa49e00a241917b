using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The account-strikes role's endpoint for operators' <see cref="DismissStrike"/>, since issue 18.</summary>
public sealed class DismissStrikeIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToAccountStrikesConsumer<DismissStrike>, DismissStrike>(QueueNames.AccountOverrides, WorkerRole.AccountStrikes, workers, rabbitMq, limits);

/// <summary>The notifier-standing role's endpoint for operators' <see cref="LiftNotifierSuspension"/>, since issue 18.</summary>
public sealed class LiftNotifierSuspensionIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToNotifierStandingConsumer<LiftNotifierSuspension>, LiftNotifierSuspension>(QueueNames.NotifierOverrides, WorkerRole.NotifierStanding, workers, rabbitMq, limits);
