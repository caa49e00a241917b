using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Persistence;

/// <summary>
/// Writes every state transition into the saga's pending audit entries, so the audit trail is committed with
/// the transition itself and copied to the trail after the commit.
/// </summary>
public sealed class AuditStateObserver<TSaga>(TimeProvider clock) : IStateObserver<TSaga>
    where TSaga : class, IStoredSaga
{
    public const string Policy = "policy";

    public Task StateChanged(BehaviorContext<TSaga> context, State currentState, State previousState)
    {
        var saga = context.Saga;
        saga.AuditSequence++;
        saga.PendingAudit.Add(new AuditEntry(
            saga.CorrelationId,
            saga.AuditSequence,
            clock.GetUtcNow(),
            previousState?.Name,
            currentState.Name,
            context.Event.Name,
            context.MessageId,
            context.TryGetMessage<ApplyVerdict>(out var verdict) ? verdict.Message.ReviewerId : Policy,
            saga.TransitionNote));
        saga.TransitionNote = null;
        return Task.CompletedTask;
    }
}
