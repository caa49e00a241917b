using MassTransit;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>What the store's saga repository needs of a saga: its kind, a version, a state, an outbox and an audit trail.</summary>
public interface IStoredSaga : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The saga's kind in the registry (<see cref="SagaKinds"/>).</summary>
    static abstract SagaKind Kind { get; }

    string CurrentState { get; set; }

    /// <summary>Messages committed with the state and not yet known to be dispatched.</summary>
    List<PendingMessage> Outbox { get; set; }

    /// <summary>Audit entries committed with the state and not yet copied to the audit trail.</summary>
    List<AuditEntry> PendingAudit { get; set; }

    /// <summary>The sequence number of the last audit entry of this saga.</summary>
    int AuditSequence { get; set; }

    /// <summary>What the next audit entry says beyond its transition, set by an activity just before it transitions.</summary>
    AuditDetails? NextAudit { get; set; }
}
