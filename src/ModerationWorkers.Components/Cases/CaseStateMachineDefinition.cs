using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// The case saga's endpoint: retry (concurrency conflicts included), and partitioning by case id so one process
/// never races itself on a case. Its commands are sent straight to its queue, so it binds no message exchanges.
/// The same definition also configures the priority endpoint (case-saga-priority), which gets its own partitioner.
/// </summary>
public sealed class CaseStateMachineDefinition : SagaDefinition<CaseState>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public CaseStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    {
        EndpointName = QueueNames.CaseSaga;
        _endpoint = workers.Value.For(WorkerRole.CaseSaga);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CaseState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq);

        var partition = endpointConfigurator.CreatePartitioner(_endpoint.ConcurrentMessageLimit);
        sagaConfigurator.Message<OpenCase>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<ContentRegistered>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<ApplyVerdict>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<CaseTimerElapsed>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<CounterNoticeFiled>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<AppealFiled>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
        sagaConfigurator.Message<LegalActionFiled>(x => x.UsePartitioner(partition, m => m.Message.CaseId));
    }
}
