using MassTransit;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Persistence;

/// <summary>What the store's saga repository needs of a saga: a version, a state, a timer and a transactional outbox.</summary>
public interface IStoredSaga : SagaStateMachineInstance, ISagaVersion
{
    string CurrentState { get; set; }

    /// <summary>The saga's pending timer. It is stored with the state, so it is durable as soon as the state is.</summary>
    DateTimeOffset? TimerDueAt { get; set; }

    /// <summary>Messages committed with the state and not yet known to be dispatched.</summary>
    List<PendingMessage> Outbox { get; set; }

    /// <summary>Audit entries committed with the state and not yet copied to the audit trail.</summary>
    List<AuditEntry> PendingAudit { get; set; }

    /// <summary>The sequence number of the last audit entry of this saga.</summary>
    int AuditSequence { get; set; }

    /// <summary>A short note for the next audit entry, set by an activity just before it transitions.</summary>
    string? TransitionNote { get; set; }
}
