using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Cases;

/// <summary>Legal action against a counter-notice (DMCA §512(g)(2)(C)): the hold on the restore, and its way out.</summary>
static class CaseLegalActionExtensions
{
    /// <summary>A timely legal action with a court reference holds the restore; any other is rejected with its reasons.</summary>
    public static EventActivityBinder<CaseState, LegalActionFiled> HoldForLegalAction(
        this EventActivityBinder<CaseState, LegalActionFiled> binder, RedressPolicy redress, TimeProvider clock, ILogger logger, State legalHold) =>
        binder.IfElse(context => redress.CheckLegalAction(context.Message, context.Saga.RestoreAt, clock.GetUtcNow()).IsValid,
            hold => hold
                .Then(context =>
                {
                    var saga = context.Saga;
                    saga.TimerDueAt = null;
                    saga.LegalActionAt = clock.GetUtcNow();
                    saga.LegalActionReference = context.Message.CourtReference!.Trim();
                    saga.NextAudit = new(Note: $"legal action {saga.LegalActionReference} filed: the content stays down until it concludes");
                    logger.LogInformation("Legal action filed for case {CaseId} (notice {NoticeId}): content {ContentId} stays down",
                        saga.CorrelationId, saga.NoticeId, saga.ContentId);
                })
                .TransitionTo(legalHold),
            reject => reject.RejectLegalAction(context => redress.CheckLegalAction(context.Message, context.Saga.RestoreAt, clock.GetUtcNow()).Reasons,
                clock, logger));

    /// <summary>Answers a legal action the case cannot take, with its reasons: the filer learns why, and the restore goes ahead.</summary>
    public static EventActivityBinder<CaseState, LegalActionFiled> RejectLegalAction(
        this EventActivityBinder<CaseState, LegalActionFiled> binder, Func<BehaviorContext<CaseState, LegalActionFiled>, IReadOnlyList<string>> reasons,
        TimeProvider clock, ILogger logger) =>
        binder.PublishOnCommit(context =>
        {
            var rejected = reasons(context);
            logger.LogInformation("Legal action for case {CaseId} (notice {NoticeId}, content {ContentId}) rejected in state {State}: {Reasons}",
                context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId, context.Saga.CurrentState, rejected);
            return new LegalActionRejected
            {
                CaseId = context.Saga.CorrelationId,
                CourtReference = context.Message.CourtReference,
                Reasons = rejected,
                RejectedAt = clock.GetUtcNow(),
            };
        });

    /// <summary>Whether a message names the court action the case is held for.</summary>
    public static bool IsHeldFor(this CaseState saga, string? courtReference) =>
        courtReference is not null && string.Equals(saga.LegalActionReference, courtReference.Trim(), StringComparison.Ordinal);

    /// <summary>The court kept the content down: the removal stands for good and the case closes.</summary>
    public static EventActivityBinder<CaseState, LegalActionConcluded> KeepRemoved(
        this EventActivityBinder<CaseState, LegalActionConcluded> binder, ILogger logger, State closed) =>
        binder
            .Then(context =>
            {
                context.Saga.NextAudit = new(Note: $"legal action {context.Saga.LegalActionReference} concluded: the removal stands");
                logger.LogInformation("Legal action for case {CaseId} (notice {NoticeId}) concluded: content {ContentId} stays removed",
                    context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId);
            })
            .TransitionTo(closed);
}
