using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>What a case does once it is decided: remove, strike, bank the fingerprint, report the notice's outcome.</summary>
static class CaseDecisionExtensions
{
    /// <summary>Removes the content with its statement of reasons, and banks its fingerprint for stay-down.</summary>
    public static EventActivityBinder<CaseState, T> RemoveContent<T>(
        this EventActivityBinder<CaseState, T> binder, StatementsOfReasons statements)
        where T : class =>
        binder
            // The bank entry commits with the removal: a write that loses a race or fails leaves the bank unchanged too.
            .ApplyOnCommit(context => context.Saga.Fingerprint is { Length: > 0 } fingerprint
                ? new BankFingerprint(new BankedFingerprint(fingerprint, context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId,
                    context.Saga.ClaimType.ToString(), context.Saga.ClosedAt!.Value))
                : null)
            .Then(context =>
            {
                var saga = context.Saga;
                saga.RemoveCommandId = DeterministicId.ForCommand(nameof(Contracts.RemoveContent), saga.CorrelationId.ToString());
                // The statement travels with the command and into the audit trail (EU DSA Art. 17), in the entry of the
                // closing transition; the case document need not carry a third copy on every later write.
                var statement = statements.ForRemoval(saga.ClaimType, saga.NoticeId, saga.ContentId, saga.VerdictReason,
                    automatedDetection: saga.Automated, automatedDecision: saga.DecidedAutomatically, saga.MatchedCaseId, saga.ClosedAt!.Value);
                saga.NextAudit = (saga.NextAudit ?? new AuditDetails()) with { StatementOfReasons = statement };
                saga.Outbox.Add(OutboxMessage.Publish(new RemoveContent
                {
                    CommandId = saga.RemoveCommandId.Value,
                    CaseId = saga.CorrelationId,
                    ContentId = saga.ContentId,
                    AccountId = saga.AccountId!,
                    NoticeId = saga.NoticeId,
                    ClaimType = saga.ClaimType,
                    Reason = StatementOf.Removal(saga.ClaimType, saga.VerdictReason),
                    IssuedAt = saga.ClosedAt.Value,
                    StatementOfReasons = statement,
                }));
            });

    /// <summary>
    /// A reviewer's removal gives the account a strike. A stay-down case strikes under its own key, not the matched
    /// notice's, so a re-upload is a new infringement; an automated removal (by policy, or by an automated reviewer)
    /// gives no strike at all, so a machine's false positive can never climb the ladder.
    /// </summary>
    public static EventActivityBinder<CaseState, T> RecordStrike<T>(this EventActivityBinder<CaseState, T> binder)
        where T : class =>
        binder.If(context => !context.Saga.DecidedAutomatically, strike => strike
            .Then(context => context.Saga.StrikeRecorded = true)
            .SendOnCommit(QueueNames.AccountStrikes, context => new RecordStrike
            {
                AccountKey = DeterministicId.ForAccount(context.Saga.AccountId!),
                AccountId = context.Saga.AccountId!,
                NoticeId = context.Saga.Automated ? $"stay-down:{context.Saga.CorrelationId}" : context.Saga.NoticeId,
                CaseId = context.Saga.CorrelationId,
                ContentId = context.Saga.ContentId,
                ClaimType = context.Saga.ClaimType,
                DecidedAt = context.Saga.ClosedAt,
            }));

    /// <summary>Tells the notifier's standing how this item of their notice was decided (notice abuse, EU DSA Art. 23).</summary>
    public static EventActivityBinder<CaseState, T> RecordNoticeOutcome<T>(this EventActivityBinder<CaseState, T> binder)
        where T : class =>
        binder.If(context => context.Saga.NotifierId is not null, report => report
            .SendOnCommit(QueueNames.NotifierStanding, context => new RecordNoticeOutcome
            {
                NotifierId = context.Saga.NotifierId!.Value,
                NoticeId = context.Saga.NoticeId,
                CaseId = context.Saga.CorrelationId,
                Verdict = context.Saga.Verdict!.Value,
                NoticeItems = context.Saga.NoticeItems,
            }));

    /// <summary>Stay-down by policy AutoRemove: an automated case is removed at once, without a reviewer.</summary>
    public static EventActivityBinder<CaseState, T> RemoveIfStayDown<T>(
        this EventActivityBinder<CaseState, T> binder, PolicyOptions policy, StatementsOfReasons statements,
        TimeProvider clock, Microsoft.Extensions.Logging.ILogger logger, State closed)
        where T : class =>
        binder.If(context => context.Saga.Automated && policy.StayDown == StayDownMode.AutoRemove, auto => auto
            .Then(context =>
            {
                var saga = context.Saga;
                saga.Verdict = Verdict.Infringing;
                saga.DecidedAutomatically = true;
                saga.VerdictReason = $"matches content removed in case {saga.MatchedCaseId}";
                saga.DecidedAt = saga.ClosedAt = clock.GetUtcNow();
                saga.Outcome = CaseOutcome.ContentRemoved;
            })
            .RemoveContent(statements)
            .CloseCase(logger, closed));
}
