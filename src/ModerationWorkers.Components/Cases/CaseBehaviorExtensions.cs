using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>The branches the case state machine repeats, named.</summary>
static class CaseBehaviorExtensions
{
    public static void Describe(this CaseState saga, OpenCase message)
    {
        saga.NoticeId = message.NoticeId;
        saga.ContentId = message.ContentId;
        saga.ClaimType = message.ClaimType;
        saga.FiledAt = message.FiledAt;
        saga.ReceivedAt = message.ReceivedAt;
        saga.Automated = message.Automated;
        saga.MatchedCaseId = message.MatchedCaseId;
        saga.Priority = message.Priority;
        saga.NotifierId = message.NotifierId;
        saga.NoticeItems = message.NoticeItems;
    }

    public static void Locate(this CaseState saga, ContentRecord? content)
    {
        saga.AccountId = content?.AccountId;
        saga.Fingerprint = content?.Fingerprint;
    }

    /// <summary>The content is known: announce the case to reviewers and wait for their verdict.</summary>
    public static EventActivityBinder<CaseState, T> OpenForReview<T>(
        this EventActivityBinder<CaseState, T> binder, IModerationStore store, TimeProvider clock, ILogger logger, State awaitingVerdict)
        where T : class =>
        binder
            .ThenAsync(context => context.Saga.TimerDueAt is null
                ? Task.CompletedTask // it never waited: no waiter was left behind
                : store.Content.RemoveWaiter(context.Saga.ContentId, context.Saga.CorrelationId, context.CancellationToken))
            .Then(context =>
            {
                context.Saga.TimerDueAt = null;
                context.Saga.OpenedAt = clock.GetUtcNow();
                if (context.Saga.Automated)
                    context.Saga.NextAudit = new(Note: $"automated: stay-down match of case {context.Saga.MatchedCaseId}");
                ModerationMetrics.CasesOpened.Add(1, new KeyValuePair<string, object?>("automated", context.Saga.Automated));
                logger.LogInformation("Case {CaseId} for notice {NoticeId} and content {ContentId} opened for review (automated {Automated}, priority {Priority})",
                    context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId, context.Saga.Automated, context.Saga.Priority);
            })
            .PublishOnCommit(context => new CaseOpened
            {
                CaseId = context.Saga.CorrelationId,
                NoticeId = context.Saga.NoticeId,
                ContentId = context.Saga.ContentId,
                AccountId = context.Saga.AccountId!,
                ClaimType = context.Saga.ClaimType,
                OpenedAt = context.Saga.OpenedAt!.Value,
                Automated = context.Saga.Automated,
                MatchedCaseId = context.Saga.MatchedCaseId,
                Priority = context.Saga.Priority,
            })
            .TransitionTo(awaitingVerdict);

    public static EventActivityBinder<CaseState, VerdictReached> RecordVerdict(
        this EventActivityBinder<CaseState, VerdictReached> binder, TimeProvider clock, AutomatedDecisions automation, CaseOutcome outcome) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            saga.Verdict = context.Message.Verdict;
            saga.ReviewerId = context.Message.ReviewerId;
            // An automated reviewer's verdict is an automated decision: its statement says so, and it gives no strike.
            saga.DecidedAutomatically = automation.IsAutomated(decidedByPolicy: false, context.Message.ReviewerId);
            saga.VerdictReason = context.Message.Reason;
            saga.DecidedAt = context.Message.DecidedAt;
            saga.Outcome = outcome;
            saga.ClosedAt = clock.GetUtcNow();
            saga.NextAudit = new(Decision: context.Message.Verdict.ToString(), Note: context.Message.Reason);
        });

    public static EventActivityBinder<CaseState, T> CloseCase<T>(
        this EventActivityBinder<CaseState, T> binder, ILogger logger, State closed)
        where T : class =>
        binder
            .PublishOnCommit(context => new CaseClosed
            {
                CaseId = context.Saga.CorrelationId,
                Outcome = context.Saga.Outcome!.Value,
                ClosedAt = context.Saga.ClosedAt!.Value,
                NoticeId = context.Saga.NoticeId,
            })
            .Then(context =>
            {
                ModerationMetrics.CasesClosed.Add(1, new KeyValuePair<string, object?>("outcome", context.Saga.Outcome.ToString()));
                if (context.Saga.Outcome == CaseOutcome.ContentRemoved && context.Saga.ReceivedAt is { } receivedAt)
                    ModerationMetrics.NoticeToRemoval.Record((context.Saga.ClosedAt!.Value - receivedAt).TotalSeconds);
                logger.LogInformation("Case {CaseId} for notice {NoticeId} and content {ContentId} closed: {Outcome}",
                    context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId, context.Saga.Outcome);
            })
            .TransitionTo(closed);

    /// <summary>Logs and counts a redress message the case cannot act on in its state; nothing else changes.</summary>
    public static EventActivityBinder<CaseState, T> IgnoreRedress<T>(this EventActivityBinder<CaseState, T> binder, ILogger logger, string what)
        where T : class =>
        binder.Then(context => logger.LogWarning("{What} for case {CaseId} (notice {NoticeId}, content {ContentId}) ignored in state {State}",
            what, context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId, context.Saga.CurrentState));

    public static EventActivityBinder<CaseState, VerdictReached> IgnoreVerdict(
        this EventActivityBinder<CaseState, VerdictReached> binder, ILogger logger, string why) =>
        binder.Then(context =>
        {
            ModerationMetrics.VerdictsIgnored.Add(1);
            logger.LogWarning(
                "Verdict {Verdict} by {ReviewerId} for case {CaseId} (notice {NoticeId}, content {ContentId}) ignored: {Why}",
                context.Message.Verdict, context.Message.ReviewerId, context.Saga.CorrelationId,
                context.Saga.NoticeId, context.Saga.ContentId, why);
        });
}
