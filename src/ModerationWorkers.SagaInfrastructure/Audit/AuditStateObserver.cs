using MassTransit;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Writes every state transition into the saga's pending audit entries, so the audit trail is committed with
/// the transition itself and copied to the trail after the commit.
/// </summary>
/// <param name="causeOf">The cause to record, where it is not the event's own name (a public message behind an internal one, say).</param>
/// <param name="decidedBy">Who decided, where it is not the policy (a reviewer whose verdict this is, say).</param>
public sealed class AuditStateObserver<TSaga>(
    TimeProvider clock,
    Func<BehaviorContext<TSaga>, State, string?>? causeOf = null,
    Func<BehaviorContext<TSaga>, string?>? decidedBy = null) : IStateObserver<TSaga>
    where TSaga : class, IStoredSaga
{
    public Task StateChanged(BehaviorContext<TSaga> context, State currentState, State previousState)
    {
        // Entering Initial is MassTransit's bookkeeping for a new instance, not a decision.
        if (previousState is null)
            return Task.CompletedTask;

        context.AppendAudit(clock, previousState.Name, currentState.Name, causeOf?.Invoke(context, previousState), decidedBy?.Invoke(context));
        return Task.CompletedTask;
    }
}
