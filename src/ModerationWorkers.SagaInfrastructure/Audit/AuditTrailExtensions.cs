using MassTransit;

namespace ModerationWorkers.SagaInfrastructure;

public static class AuditTrailExtensions
{
    /// <summary>Who decided, when no reviewer did.</summary>
    public const string Policy = "policy";

    /// <summary>
    /// Appends an audit entry for the message being handled: its cause is the one given or the event's name, its message
    /// id the initiator's where there is one, and its decider the one given or the policy. The activity's
    /// <see cref="IStoredSaga.NextAudit"/> goes into the entry and is cleared.
    /// </summary>
    public static void AppendAudit<TSaga>(this BehaviorContext<TSaga> context, TimeProvider clock, string? fromState, string toState,
        string? cause = null, string? decidedBy = null)
        where TSaga : class, IStoredSaga
    {
        var saga = context.Saga;
        var details = saga.NextAudit ?? new AuditDetails();
        saga.AuditSequence++;
        saga.PendingAudit.Add(new AuditEntry(
            saga.CorrelationId,
            saga.AuditSequence,
            clock.GetUtcNow(),
            fromState,
            toState,
            cause ?? context.Event.Name,
            context.InitiatorId ?? context.MessageId,
            decidedBy ?? Policy,
            details.Decision,
            details.StatementOfReasons,
            details.Note));
        saga.NextAudit = null;
    }

    /// <summary>An entry for a decision that leaves the state as it is: a restriction of an account, a notifier's warning.</summary>
    public static void AppendDecision<TSaga>(this BehaviorContext<TSaga> context, TimeProvider clock, AuditDetails details, string? decidedBy = null)
        where TSaga : class, IStoredSaga
    {
        context.Saga.NextAudit = details;
        context.AppendAudit(clock, context.Saga.CurrentState, context.Saga.CurrentState, decidedBy: decidedBy);
    }
}
