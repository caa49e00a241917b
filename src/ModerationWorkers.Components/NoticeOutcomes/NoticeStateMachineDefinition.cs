using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.NoticeOutcomes;

/// <summary>The notice aggregate's endpoint, on the case-saga role, partitioned by notice.</summary>
public sealed class NoticeStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    : PartitionedSagaDefinition<NoticeState>(QueueNames.NoticeOutcomes, workers.Value.For(WorkerRole.CaseSaga), rabbitMq.Value)
{
    protected override void PartitionMessages(SagaPartitioning partitioning) =>
        partitioning.By<RecordItemDecision>(m => m.NoticeKey);
}
