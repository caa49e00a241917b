using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Notifiers;

/// <summary>The notifier standing endpoint, partitioned by notifier.</summary>
public sealed class NotifierStandingStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    : PartitionedSagaDefinition<NotifierStandingState>(QueueNames.NotifierStanding, workers.Value.For(WorkerRole.NotifierStanding), rabbitMq.Value)
{
    protected override void PartitionMessages(SagaPartitioning partitioning) =>
        partitioning
            .By<RecordNoticeOutcome>(m => m.NotifierId)
            .By<Contracts.LiftNotifierSuspension>(m => m.NotifierId);
}
