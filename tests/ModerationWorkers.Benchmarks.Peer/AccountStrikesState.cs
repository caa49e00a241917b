using MassTransit;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>One account's strikes, in the in-memory saga repository.</summary>
public sealed class AccountStrikesState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public string AccountId { get; set; } = null!;
    public int Strikes { get; set; }
}
