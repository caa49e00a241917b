using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Persistence;

/// <summary>
/// Writes every state transition into the saga's pending audit entries, so the audit trail is committed with
/// the transition itself and copied to the trail after the commit.
/// </summary>
public sealed class AuditStateObserver<TSaga>(TimeProvider clock, Func<BehaviorContext<TSaga>, State, string?>? causeOf = null) : IStateObserver<TSaga>
    where TSaga : class, IStoredSaga
{
    public Task StateChanged(BehaviorContext<TSaga> context, State currentState, State previousState)
    {
        // Entering Initial is MassTransit's bookkeeping for a new instance, not a decision.
        if (previousState is null)
            return Task.CompletedTask;

        context.AppendAudit(clock, previousState.Name, currentState.Name, causeOf?.Invoke(context, previousState));
        return Task.CompletedTask;
    }
}

public static class AuditTrailExtensions
{
    public const string Policy = "policy";

    // The public message behind each internal one, so the trail names what the platform sent.
    static readonly Dictionary<string, string> PublicCause = new(StringComparer.Ordinal)
    {
        [nameof(OpenCase)] = "NoticeFiled",
        [nameof(ContentRegistered)] = "ContentUploaded",
        [nameof(ApplyVerdict)] = "VerdictReached",
        [nameof(CaseTimerElapsed)] = AuditCauses.ContentWaitTimeout,
    };

    /// <summary>
    /// Appends an audit entry for the message being handled: its cause is the one given, or the public message that
    /// started the chain (the initiator's id where there is one), and the decider is the reviewer or the policy.
    /// </summary>
    public static void AppendAudit<TSaga>(this BehaviorContext<TSaga> context, TimeProvider clock, string? fromState, string toState, string? cause = null)
        where TSaga : class, IStoredSaga
    {
        var saga = context.Saga;
        saga.AuditSequence++;
        saga.PendingAudit.Add(new AuditEntry(
            saga.CorrelationId,
            saga.AuditSequence,
            clock.GetUtcNow(),
            fromState,
            toState,
            cause ?? PublicCause.GetValueOrDefault(context.Event.Name, context.Event.Name),
            context.InitiatorId ?? context.MessageId,
            context.TryGetMessage<ApplyVerdict>(out var verdict) ? verdict.Message.ReviewerId : Policy,
            saga.TransitionNote));
        saga.TransitionNote = null;
    }
}
