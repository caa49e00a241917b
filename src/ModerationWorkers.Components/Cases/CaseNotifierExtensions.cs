using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>The notifier's side of a case: the notice's outcome, a complaint about a decision not to act, a retraction.</summary>
static class CaseNotifierExtensions
{
    /// <summary>
    /// Tells the notifier how this item was decided. A notice of one item is answered here, with its
    /// <see cref="NoticeDecided"/>; a notice of several goes through its aggregate, which answers once all are decided.
    /// A stay-down case has no notifier to answer, and a case opened before issue 18 does not know its notice's size.
    /// </summary>
    public static EventActivityBinder<CaseState, T> ReportToNotice<T>(this EventActivityBinder<CaseState, T> binder, NoticeItemOutcome outcome,
        IReadOnlyList<string>? reasons = null)
        where T : class =>
        binder
            .If(context => !context.Saga.Automated && context.Saga.NoticeItems == 1, single => single
                .PublishOnCommit(context => new NoticeDecided
                {
                    NoticeId = context.Saga.NoticeId,
                    Items = [context.Saga.ItemDecision(outcome, reasons)],
                    DecidedAt = context.Saga.ClosedAt!.Value,
                }))
            .If(context => !context.Saga.Automated && context.Saga.NoticeItems > 1, several => several
                .SendOnCommit(QueueNames.NoticeOutcomes, context => new RecordItemDecision
                {
                    NoticeKey = DeterministicId.ForNotice(context.Saga.NoticeId),
                    NoticeId = context.Saga.NoticeId,
                    NoticeItems = context.Saga.NoticeItems!.Value,
                    Item = context.Saga.ItemDecision(outcome, reasons),
                }));

    static NoticeItemDecision ItemDecision(this CaseState saga, NoticeItemOutcome outcome, IReadOnlyList<string>? reasons) => new()
    {
        CaseId = saga.CorrelationId,
        ContentId = saga.ContentId,
        Outcome = outcome,
        Reasons = reasons,
        DecidedAt = saga.ClosedAt!.Value,
    };

    /// <summary>A valid complaint reopens review through the appeal flow (EU DSA Art. 20(1)); otherwise it is rejected with its reasons.</summary>
    public static EventActivityBinder<CaseState, NoticeComplaintFiled> JudgeComplaint(
        this EventActivityBinder<CaseState, NoticeComplaintFiled> binder, RedressPolicy redress, TimeProvider clock, ILogger logger, State underComplaint) =>
        binder.IfElse(context => redress.CheckComplaint(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).IsValid,
            accept => accept
                .Then(context =>
                {
                    var saga = context.Saga;
                    saga.ComplaintAt = clock.GetUtcNow();
                    saga.ComplaintDigest = FilingDigest.Of(context.Message);
                    saga.ComplaintMessageId = context.FilingId();
                    saga.ComplaintReason = context.Message.Reason;
                    saga.NextAudit = new(Note: $"notifier's complaint: {context.Message.Reason}");
                    ModerationMetrics.RedressFiled.Add(1, CaseRedressExtensions.Tag("complaint", "accepted"));
                    logger.LogInformation("Notifier's complaint for case {CaseId} (notice {NoticeId}, content {ContentId}) accepted: back to review",
                        saga.CorrelationId, saga.NoticeId, saga.ContentId);
                })
                .PublishOnCommit(context => context.Saga.ReviewOpened(Complainant.Notifier, context.Saga.ComplaintReason, context.Saga.ComplaintAt!.Value))
                .TransitionTo(underComplaint),
            reject => reject
                .PublishOnCommit(context => new NoticeComplaintRejected
                {
                    CaseId = context.Saga.CorrelationId,
                    NoticeId = context.Saga.NoticeId,
                    Reasons = CaseRedressExtensions.Logged(logger, "Complaint", context.Saga,
                        redress.CheckComplaint(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).Reasons),
                    RejectedAt = clock.GetUtcNow(),
                }));

    /// <summary>Whether this is the accepted complaint again, by the appeal's rule.</summary>
    public static bool IsAcceptedComplaint(this CaseState saga, NoticeComplaintFiled filing, string? messageId) =>
        CaseRedressExtensions.IsSameFiling(saga.ComplaintDigest, saga.ComplaintMessageId, FilingDigest.Of(filing), messageId);

    /// <summary>
    /// The review found the item infringing after all: it is removed, the uploader struck and given a statement of
    /// reasons, as by a first infringing verdict. The removal can be contested like any other.
    /// </summary>
    public static EventActivityBinder<CaseState, VerdictReached> ReverseNoAction(
        this EventActivityBinder<CaseState, VerdictReached> binder, TimeProvider clock, AutomatedDecisions automation, StatementsOfReasons statements) =>
        binder
            .Then(context =>
            {
                var saga = context.Saga;
                saga.Verdict = Verdict.Infringing;
                saga.ReviewerId = context.Message.ReviewerId;
                saga.DecidedAutomatically = automation.IsAutomated(decidedByPolicy: false, context.Message.ReviewerId);
                saga.VerdictReason = context.Message.Reason;
                saga.DecidedAt = context.Message.DecidedAt;
                saga.Outcome = CaseOutcome.ContentRemoved;
                saga.ClosedAt = clock.GetUtcNow();
                saga.ComplaintOutcome = AppealOutcome.Reversed;
                saga.ComplaintDecidedAt = context.Message.DecidedAt;
                saga.NextAudit = new(Decision: AppealOutcome.Reversed.ToString(), Note: $"notifier's complaint {AppealOutcome.Reversed}: {context.Message.Reason}");
            })
            .RemoveContent(statements)
            .RecordStrike()
            .PublishComplaintDecision(AppealOutcome.Reversed, automation, statements);

    /// <summary>The review upheld the decision not to act.</summary>
    public static EventActivityBinder<CaseState, VerdictReached> UpholdNoAction(
        this EventActivityBinder<CaseState, VerdictReached> binder, AutomatedDecisions automation, StatementsOfReasons statements) =>
        binder
            .Then(context =>
            {
                context.Saga.ComplaintOutcome = AppealOutcome.Upheld;
                context.Saga.ComplaintDecidedAt = context.Message.DecidedAt;
                context.Saga.NextAudit = new(Decision: AppealOutcome.Upheld.ToString(), Note: $"notifier's complaint {AppealOutcome.Upheld}: {context.Message.Reason}");
            })
            .PublishComplaintDecision(AppealOutcome.Upheld, automation, statements);

    static EventActivityBinder<CaseState, VerdictReached> PublishComplaintDecision(this EventActivityBinder<CaseState, VerdictReached> binder,
        AppealOutcome outcome, AutomatedDecisions automation, StatementsOfReasons statements) =>
        binder.PublishOnCommit(context => context.AppealDecision(outcome, Complainant.Notifier, automation, statements));

    /// <summary>The answer to an appeal or a complaint, with its statement of reasons and the remedies left (EU DSA Art. 20(4), 21).</summary>
    public static AppealDecided AppealDecision(this BehaviorContext<CaseState, VerdictReached> context, AppealOutcome outcome, Complainant complainant,
        AutomatedDecisions automation, StatementsOfReasons statements) => new()
    {
        CaseId = context.Saga.CorrelationId,
        AccountId = context.Saga.AccountId!,
        Outcome = outcome,
        ReviewerId = context.Message.ReviewerId,
        DecidedAt = context.Message.DecidedAt,
        NoticeId = context.Saga.NoticeId,
        Reason = context.Message.Reason,
        Complainant = complainant,
        StatementOfReasons = statements.ForAppealDecision(outcome, complainant, context.Saga.CorrelationId, context.Saga.ClaimType, context.Message.Reason,
            automation.IsAutomated(decidedByPolicy: false, context.Message.ReviewerId)),
    };

    /// <summary>An item not yet decided closes: the notice it was opened on is withdrawn.</summary>
    public static EventActivityBinder<CaseState, WithdrawCase> CloseWithdrawn(
        this EventActivityBinder<CaseState, WithdrawCase> binder, IModerationStore store, TimeProvider clock, ILogger logger, State withdrawn) =>
        binder
            .ThenAsync(context => context.Saga.TimerDueAt is null
                ? Task.CompletedTask
                : store.Content.RemoveWaiter(context.Saga.ContentId, context.Saga.CorrelationId, context.CancellationToken))
            .Then(context =>
            {
                var saga = context.Saga;
                saga.TimerDueAt = null;
                saga.WithdrawnAt = saga.ClosedAt = clock.GetUtcNow();
                saga.Outcome = CaseOutcome.NoticeWithdrawn;
                saga.NextAudit = new(Decision: CaseOutcome.NoticeWithdrawn.ToString(), Note: "the notifier retracted the notice");
                ModerationMetrics.CasesClosed.Add(1, new KeyValuePair<string, object?>("outcome", saga.Outcome.ToString()));
                logger.LogInformation("Case {CaseId} for notice {NoticeId} and content {ContentId} closed: the notice was retracted",
                    saga.CorrelationId, saga.NoticeId, saga.ContentId);
            })
            .PublishOnCommit(context => new CaseClosed
            {
                CaseId = context.Saga.CorrelationId,
                Outcome = CaseOutcome.NoticeWithdrawn,
                ClosedAt = context.Saga.ClosedAt!.Value,
                NoticeId = context.Saga.NoticeId,
            })
            .ReportToNotice(NoticeItemOutcome.Withdrawn)
            .TransitionTo(withdrawn);

    /// <summary>Whether the case's content is down because of its notice: a retraction brings it back.</summary>
    public static bool IsRemovedByNotice(this CaseState saga) => saga.Outcome == CaseOutcome.ContentRemoved && saga.RestoredAt is null;
}
