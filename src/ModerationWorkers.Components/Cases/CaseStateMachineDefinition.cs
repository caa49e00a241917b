using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// The case saga's endpoints, each partitioned by case id with a partitioner of its own: case-saga and
/// case-saga-priority (the case-saga role), and since issue 20 verdicts (the verdicts role), where the saga takes
/// <see cref="Contracts.VerdictReached"/> straight from its contract exchange, with no hop between.
/// </summary>
public sealed class CaseStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits,
    IOptions<SecurityOptions> security, ILogger<VerdictAuthorityFilter> logger)
    : PartitionedSagaDefinition<CaseState>(QueueNames.CaseSaga, workers.Value.For(WorkerRole.CaseSaga), rabbitMq.Value)
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CaseState> sagaConfigurator,
        IRegistrationContext context)
    {
        // Before the partitioner: a verdict without authority never waits for a partition slot.
        var store = context.GetRequiredService<IModerationStore>();
        sagaConfigurator.Message<VerdictReached>(m => m.UseFilter(new VerdictAuthorityFilter(security.Value, store, logger)));
        base.ConfigureSaga(endpointConfigurator, sagaConfigurator, context);
    }

    protected override EndpointOptions ConfigureEndpoint(IReceiveEndpointConfigurator endpointConfigurator, IRegistrationContext context)
    {
        if (EndpointConfiguration.QueueOf(endpointConfigurator) != QueueNames.Verdicts)
            return base.ConfigureEndpoint(endpointConfigurator, context);

        var options = workers.Value.For(WorkerRole.Verdicts);
        EndpointConfiguration.ApplySagaInbound<VerdictReached>(endpointConfigurator, options, rabbitMq.Value, limits.Value, context);
        return options;
    }

    protected override void PartitionMessages(SagaPartitioning partitioning) =>
        partitioning
            .By<OpenCase>(m => m.CaseId)
            .By<ContentRegistered>(m => m.CaseId)
            .By<VerdictReached>(m => m.CaseId)
            .By<CaseTimerElapsed>(m => m.CaseId)
            .By<CounterNoticeFiled>(m => m.CaseId)
            .By<AppealFiled>(m => m.CaseId)
            .By<LegalActionFiled>(m => m.CaseId)
            .By<LegalActionConcluded>(m => m.CaseId)
            .By<NoticeComplaintFiled>(m => m.CaseId)
            .By<WithdrawCase>(m => m.CaseId);
}
