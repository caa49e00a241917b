using MassTransit;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>One notifier's decided notices, in the in-memory saga repository.</summary>
public sealed class NotifierStandingState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public int Decided { get; set; }
    public int Unfounded { get; set; }
}
