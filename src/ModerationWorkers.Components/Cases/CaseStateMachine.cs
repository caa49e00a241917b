using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// Orchestrates one case: wait for the content if it is unknown, open it for review, apply the verdict, and handle
/// what contests it (counter-notice, legal action, appeal). Rules live in the policy project; this class only decides
/// what happens next.
/// </summary>
public sealed class CaseStateMachine : MassTransitStateMachine<CaseState>
{
    public CaseStateMachine(IModerationStore store, PolicyOptions policy, RedressPolicy redress, StatementsOfReasons statements,
        AutomatedDecisions automation, TimeProvider clock, ILogger<CaseStateMachine> logger)
    {
        Event(() => OpenCase, e => e.CorrelateById(m => m.Message.CaseId));
        Event(() => ContentRegistered, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            // The case may be committing in another consumer right now: fault, and let retry find it.
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => VerdictReached, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context =>
            {
                logger.LogWarning("Verdict {Verdict} by {ReviewerId} for unknown case {CaseId} ignored",
                    context.Message.Verdict, context.Message.ReviewerId, context.Message.CaseId);
                ModerationMetrics.VerdictsIgnored.Add(1);
                return Task.CompletedTask;
            }));
        });
        Event(() => CaseTimerElapsed, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => CounterNoticeFiled, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(new CounterNoticeRejected
            {
                CaseId = context.Message.CaseId,
                AccountId = context.Message.AccountId,
                Reasons = [CounterNoticeRejectionReasons.UnknownCase],
                RejectedAt = clock.GetUtcNow(),
            }, context.CancellationToken)));
        });
        Event(() => AppealFiled, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(new AppealRejected
            {
                CaseId = context.Message.CaseId,
                AccountId = context.Message.AccountId,
                Reasons = [AppealRejectionReasons.UnknownCase],
                RejectedAt = clock.GetUtcNow(),
            }, context.CancellationToken)));
        });
        Event(() => LegalActionFiled, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(new LegalActionRejected
            {
                CaseId = context.Message.CaseId,
                CourtReference = context.Message.CourtReference,
                Reasons = [LegalActionRejectionReasons.UnknownCase],
                RejectedAt = clock.GetUtcNow(),
            }, context.CancellationToken)));
        });
        Event(() => LegalActionConcluded, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context =>
            {
                logger.LogWarning("Conclusion of a legal action for unknown case {CaseId} ignored", context.Message.CaseId);
                return Task.CompletedTask;
            }));
        });

        Event(() => NoticeComplaintFiled, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(new NoticeComplaintRejected
            {
                CaseId = context.Message.CaseId,
                Reasons = [NoticeComplaintRejectionReasons.UnknownCase],
                RejectedAt = clock.GetUtcNow(),
            }, context.CancellationToken)));
        });
        Event(() => WithdrawCase, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            // The notice was accepted, so its case is opening, perhaps in another consumer right now: let retry find it.
            e.OnMissingInstance(m => m.Fault());
        });

        InstanceState(x => x.CurrentState);
        // A timer that fires in AwaitingRestore is the restore coming due, not a content wait.
        ConnectStateObserver(new AuditStateObserver<CaseState>(clock,
            (context, previous) => context.Event.Name == nameof(Messages.CaseTimerElapsed) && previous == AwaitingRestore
                ? AuditCauses.RestoreTimeout
                : AuditCauses.OfCaseEvent(context.Event.Name),
            AuditCauses.ReviewerOf));

        Initially(
            When(OpenCase)
                .Then(context => context.Saga.Describe(context.Message))
                .ThenAsync(async context =>
                    context.Saga.Locate(await store.Content.AwaitOrFind(context.Message.ContentId, context.Saga.CorrelationId, context.CancellationToken)))
                .IfElse(context => context.Saga.AccountId is not null,
                    known => known
                        .OpenForReview(store, clock, logger, AwaitingVerdict)
                        .RemoveIfStayDown(policy, statements, clock, logger, Closed),
                    unknown => unknown
                        .Then(context => context.Saga.TimerDueAt = clock.GetUtcNow() + policy.ContentWaitTimeout)
                        .Then(context => logger.LogInformation(
                            "Case {CaseId} for notice {NoticeId} waits for unknown content {ContentId}",
                            context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId))
                        .TransitionTo(AwaitingContent)));

        During(AwaitingContent,
            When(ContentRegistered)
                .Then(context => context.Saga.Locate(new ContentRecord(context.Message.ContentId, context.Message.AccountId, default, context.Message.Fingerprint, null)))
                .OpenForReview(store, clock, logger, AwaitingVerdict)
                .RemoveIfStayDown(policy, statements, clock, logger, Closed),
            When(CaseTimerElapsed, context => context.Saga.TimerDueAt <= clock.GetUtcNow())
                .ThenAsync(context => store.Content.RemoveWaiter(context.Saga.ContentId, context.Saga.CorrelationId, context.CancellationToken))
                .Then(context =>
                {
                    context.Saga.TimerDueAt = null;
                    context.Saga.ClosedAt = clock.GetUtcNow();
                    context.Saga.NextAudit = new(Decision: RejectionReasons.UnknownContent);
                    ModerationMetrics.NoticesRejected.Add(1, new KeyValuePair<string, object?>("reason", RejectionReasons.UnknownContent));
                    logger.LogInformation("Case {CaseId} for notice {NoticeId} rejected: content {ContentId} stayed unknown",
                        context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId);
                })
                .PublishOnCommit(context => new NoticeRejected
                {
                    NoticeId = context.Saga.NoticeId,
                    ContentId = context.Saga.ContentId,
                    Reasons = [RejectionReasons.UnknownContent],
                    RejectedAt = context.Saga.ClosedAt!.Value,
                })
                .ReportToNotice(NoticeItemOutcome.Rejected, [RejectionReasons.UnknownContent])
                .TransitionTo(Rejected),
            When(VerdictReached).IgnoreVerdict(logger, "the case is not open for review yet"));

        During(AwaitingVerdict,
            When(VerdictReached, context => !context.Message.Appeal && context.Message.Verdict == Verdict.Infringing)
                .RecordVerdict(clock, automation, CaseOutcome.ContentRemoved)
                .RemoveContent(statements)
                .RecordStrike()
                .RecordNoticeOutcome()
                .ReportToNotice(NoticeItemOutcome.ContentRemoved)
                .CloseCase(logger, Closed),
            When(VerdictReached, context => !context.Message.Appeal && context.Message.Verdict == Verdict.NotInfringing)
                .RecordVerdict(clock, automation, CaseOutcome.NoInfringementFound)
                .RecordNoticeOutcome()
                .ReportToNotice(NoticeItemOutcome.NoInfringementFound)
                .CloseCase(logger, Closed),
            When(VerdictReached, context => context.Message.Appeal).IgnoreVerdict(logger, "the case is not under appeal"));

        During(UnderAppeal,
            When(VerdictReached, context => context.Message.Appeal && context.Message.Verdict == Verdict.Infringing)
                .DecideAppeal(AppealOutcome.Upheld, automation, statements, logger)
                .TransitionTo(Closed),
            When(VerdictReached, context => context.Message.Appeal && context.Message.Verdict == Verdict.NotInfringing)
                .DecideAppeal(AppealOutcome.Reversed, automation, statements, logger)
                .Restore(clock, logger, Restored, "the removal was reversed on appeal"),
            When(VerdictReached, context => !context.Message.Appeal).IgnoreVerdict(logger, "the case is under appeal: only an appeal verdict decides it"));

        // A notifier's complaint about a decision not to act is reviewed like an appeal (EU DSA Art. 20(1)).
        During(UnderComplaint,
            When(VerdictReached, context => context.Message.Appeal && context.Message.Verdict == Verdict.Infringing)
                .ReverseNoAction(clock, automation, statements)
                .TransitionTo(Closed),
            When(VerdictReached, context => context.Message.Appeal && context.Message.Verdict == Verdict.NotInfringing)
                .UpholdNoAction(automation, statements)
                .TransitionTo(Closed),
            When(VerdictReached, context => !context.Message.Appeal).IgnoreVerdict(logger, "the case is under complaint: only an appeal verdict decides it"));

        // A retraction undoes what the notice did: removed content comes back, its strike goes, an open case closes.
        During(AwaitingContent, AwaitingVerdict,
            When(WithdrawCase).CloseWithdrawn(store, clock, logger, Withdrawn));
        During([Closed, UnderAppeal, AwaitingRestore, LegalHold],
            When(WithdrawCase, context => context.Saga.IsRemovedByNotice())
                .Then(context => context.Saga.WithdrawnAt = clock.GetUtcNow())
                .Restore(clock, logger, Restored, "the notifier retracted the notice"),
            When(WithdrawCase, context => !context.Saga.IsRemovedByNotice())
                .IgnoreRedress(logger, "A retraction of a notice whose item was not removed"));
        During(UnderComplaint,
            When(WithdrawCase)
                .Then(context =>
                {
                    context.Saga.WithdrawnAt = clock.GetUtcNow();
                    context.Saga.NextAudit = new(Note: "the notifier retracted the notice: their complaint is withdrawn with it");
                })
                .TransitionTo(Closed));
        During([Rejected, Restored, Withdrawn],
            When(WithdrawCase).IgnoreRedress(logger, "A retraction of the notice"));

        During(AwaitingRestore,
            When(CaseTimerElapsed, context => context.Saga.TimerDueAt <= clock.GetUtcNow())
                .Restore(clock, logger, Restored, "a counter-notice was filed and no legal action followed in time"),
            When(LegalActionFiled).HoldForLegalAction(redress, clock, logger, LegalHold));

        // A hold needs a way out: the court action's conclusion, under the hold's court reference.
        During(LegalHold,
            When(LegalActionFiled, context => context.Saga.IsHeldFor(context.Message.CourtReference))
                .IgnoreRedress(logger, "The legal action the case is held for, delivered again,"),
            When(LegalActionFiled, context => !context.Saga.IsHeldFor(context.Message.CourtReference))
                .RejectLegalAction(_ => [LegalActionRejectionReasons.AlreadyOnHold], clock, logger),
            When(LegalActionConcluded, context => context.Saga.IsHeldFor(context.Message.CourtReference) && context.Message.Outcome == LegalActionOutcome.Restore)
                .Restore(clock, logger, Restored, "the legal action ended without an order to keep the content down"),
            When(LegalActionConcluded, context => context.Saga.IsHeldFor(context.Message.CourtReference) && context.Message.Outcome == LegalActionOutcome.KeepRemoved)
                .KeepRemoved(logger, Closed),
            When(LegalActionConcluded, context => !context.Saga.IsHeldFor(context.Message.CourtReference))
                .IgnoreRedress(logger, "The conclusion of another court action than the hold's"));

        During([Closed, Rejected, AwaitingRestore, LegalHold, Restored, Withdrawn],
            When(VerdictReached).IgnoreVerdict(logger, "the case is already decided"));

        // Whether a counter-notice or an appeal can be accepted is the redress policy's call, from the case's facts.
        // The accepted filing again (a redelivery, a publisher's retry) was answered already: it is not a second filing.
        DuringAny(
            When(CounterNoticeFiled).IfElse(context => context.Saga.IsAcceptedCounterNotice(context.Message, context.FilingId()),
                again => again.IgnoreRedress(logger, "The accepted counter-notice, delivered again,"),
                filing => filing.JudgeCounterNotice(redress, clock, logger, AwaitingRestore)),
            When(AppealFiled).IfElse(context => context.Saga.IsAcceptedAppeal(context.Message, context.FilingId()),
                again => again.IgnoreRedress(logger, "The accepted appeal, delivered again,"),
                filing => filing.JudgeAppeal(redress, clock, logger, UnderAppeal)),
            When(NoticeComplaintFiled).IfElse(context => context.Saga.IsAcceptedComplaint(context.Message, context.FilingId()),
                again => again.IgnoreRedress(logger, "The accepted complaint, delivered again,"),
                filing => filing.JudgeComplaint(redress, clock, logger, UnderComplaint)));

        During([AwaitingContent, AwaitingVerdict, Closed, Rejected, UnderAppeal, Restored, UnderComplaint, Withdrawn],
            When(LegalActionFiled).RejectLegalAction(context => redress.CheckLegalAction(context.Message, restoreAt: null, clock.GetUtcNow()).Reasons, clock, logger),
            When(LegalActionConcluded).IgnoreRedress(logger, "The conclusion of a legal action without a legal hold"));
        During(AwaitingRestore, When(LegalActionConcluded).IgnoreRedress(logger, "The conclusion of a legal action without a legal hold"));

        // Duplicates and stale notifications change nothing.
        During([AwaitingContent, AwaitingVerdict, Closed, Rejected, UnderAppeal, AwaitingRestore, LegalHold, Restored, UnderComplaint, Withdrawn],
            Ignore(OpenCase));
        During([AwaitingVerdict, Closed, Rejected, UnderAppeal, AwaitingRestore, LegalHold, Restored, UnderComplaint, Withdrawn], Ignore(ContentRegistered));
        During([AwaitingVerdict, Closed, Rejected, UnderAppeal, LegalHold, Restored, UnderComplaint, Withdrawn], Ignore(CaseTimerElapsed));
        During(AwaitingContent, AwaitingRestore, Ignore(CaseTimerElapsed));
    }

    public State AwaitingContent { get; private set; } = null!;
    public State AwaitingVerdict { get; private set; } = null!;
    public State Closed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;
    public State UnderAppeal { get; private set; } = null!;
    public State AwaitingRestore { get; private set; } = null!;
    public State LegalHold { get; private set; } = null!;
    public State Restored { get; private set; } = null!;

    /// <summary>The notifier's complaint about a decision not to act is under review; since issue 18.</summary>
    public State UnderComplaint { get; private set; } = null!;

    /// <summary>Closed before a decision: the notifier retracted the notice; since issue 18.</summary>
    public State Withdrawn { get; private set; } = null!;

    public Event<OpenCase> OpenCase { get; private set; } = null!;
    public Event<ContentRegistered> ContentRegistered { get; private set; } = null!;
    public Event<VerdictReached> VerdictReached { get; private set; } = null!;
    public Event<CaseTimerElapsed> CaseTimerElapsed { get; private set; } = null!;
    public Event<CounterNoticeFiled> CounterNoticeFiled { get; private set; } = null!;
    public Event<AppealFiled> AppealFiled { get; private set; } = null!;
    public Event<LegalActionFiled> LegalActionFiled { get; private set; } = null!;
    public Event<LegalActionConcluded> LegalActionConcluded { get; private set; } = null!;
    public Event<NoticeComplaintFiled> NoticeComplaintFiled { get; private set; } = null!;
    public Event<WithdrawCase> WithdrawCase { get; private set; } = null!;
}
