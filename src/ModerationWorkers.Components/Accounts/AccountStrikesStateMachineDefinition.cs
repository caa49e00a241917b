using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Accounts;

/// <summary>
/// The account strikes endpoint. Partitioning by account serialises one account's strikes within a process;
/// across processes the saga's version check and retry do it.
/// </summary>
public sealed class AccountStrikesStateMachineDefinition : SagaDefinition<AccountStrikesState>
{
    readonly EndpointOptions _endpoint;
    readonly RabbitMqOptions _rabbitMq;

    public AccountStrikesStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    {
        EndpointName = QueueNames.AccountStrikes;
        _endpoint = workers.Value.For(WorkerRole.AccountStrikes);
        _rabbitMq = rabbitMq.Value;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<AccountStrikesState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        EndpointConfiguration.Apply(endpointConfigurator, _endpoint, _rabbitMq);

        var partition = endpointConfigurator.CreatePartitioner(_endpoint.ConcurrentMessageLimit);
        sagaConfigurator.Message<RecordStrike>(x => x.UsePartitioner(partition, m => m.Message.AccountKey));
        sagaConfigurator.Message<RetractStrike>(x => x.UsePartitioner(partition, m => m.Message.AccountKey));
    }
}
