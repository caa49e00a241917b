using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Accounts;

/// <summary>The account strikes endpoint, partitioned by account, so one account's strikes apply one at a time.</summary>
public sealed class AccountStrikesStateMachineDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq)
    : PartitionedSagaDefinition<AccountStrikesState>(QueueNames.AccountStrikes, workers.Value.For(WorkerRole.AccountStrikes), rabbitMq.Value)
{
    protected override void PartitionMessages(SagaPartitioning partitioning) =>
        partitioning
            .By<RecordStrike>(m => m.AccountKey)
            .By<RetractStrike>(m => m.AccountKey)
            .By<Contracts.DismissStrike>(m => Policy.DeterministicId.ForAccount(m.AccountId));
}
