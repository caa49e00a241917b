using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// The case saga's endpoint, partitioned by case id. The same definition also configures the priority endpoint
/// (case-saga-priority), which gets its own partitioner.
/// </summary>
public sealed class CaseStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, ILogger<VerdictSourceFilter> logger)
    : PartitionedSagaDefinition<CaseState>(QueueNames.CaseSaga, workers.Value.For(WorkerRole.CaseSaga), rabbitMq.Value)
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CaseState> sagaConfigurator,
        IRegistrationContext context)
    {
        // Before the partitioner: a verdict from the wrong source never waits for a partition slot.
        sagaConfigurator.Message<ApplyVerdict>(m => m.UseFilter(new VerdictSourceFilter(logger)));
        base.ConfigureSaga(endpointConfigurator, sagaConfigurator, context);
    }

    protected override void PartitionMessages(SagaPartitioning partitioning) =>
        partitioning
            .By<OpenCase>(m => m.CaseId)
            .By<ContentRegistered>(m => m.CaseId)
            .By<ApplyVerdict>(m => m.CaseId)
            .By<CaseTimerElapsed>(m => m.CaseId)
            .By<CounterNoticeFiled>(m => m.CaseId)
            .By<AppealFiled>(m => m.CaseId)
            .By<LegalActionFiled>(m => m.CaseId)
            .By<LegalActionConcluded>(m => m.CaseId)
            .By<NoticeComplaintFiled>(m => m.CaseId)
            .By<WithdrawCase>(m => m.CaseId);
}
