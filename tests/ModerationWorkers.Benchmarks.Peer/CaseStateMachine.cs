using MassTransit;
using ModerationWorkers.Benchmarks.Peer.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>
/// The case: opened for review on OpenCase (the content's owner from memory), decided on VerdictReached. What it emits
/// for a one-item notice is what our case saga emits: RemoveContent and a strike for an infringing verdict, and for
/// either verdict the notifier's outcome, CaseClosed and NoticeDecided.
/// </summary>
public sealed class CaseStateMachine : MassTransitStateMachine<CaseState>
{
    public CaseStateMachine(ContentDirectory content)
    {
        Event(() => OpenCase, e => e.CorrelateById(m => m.Message.CaseId));
        Event(() => VerdictReached, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            e.OnMissingInstance(m => m.Discard());
        });

        InstanceState(x => x.CurrentState);

        Initially(
            When(OpenCase)
                .Then(context =>
                {
                    var saga = context.Saga;
                    var message = context.Message;
                    // The benchmark stores every upload before it files a notice: unknown content is a broken run.
                    var owner = content.Find(message.ContentId)
                        ?? throw new InvalidOperationException($"content {message.ContentId} is unknown: its upload was not consumed");
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
                    saga.AccountId = owner.AccountId;
                    saga.Fingerprint = owner.Fingerprint;
                    saga.OpenedAt = DateTimeOffset.UtcNow;
                })
                .Publish(context => new CaseOpened
                {
                    CaseId = context.Saga.CorrelationId,
                    NoticeId = context.Saga.NoticeId,
                    ContentId = context.Saga.ContentId,
                    AccountId = context.Saga.AccountId,
                    ClaimType = context.Saga.ClaimType,
                    OpenedAt = context.Saga.OpenedAt,
                    Automated = context.Saga.Automated,
                    MatchedCaseId = context.Saga.MatchedCaseId,
                    Priority = context.Saga.Priority,
                })
                .TransitionTo(AwaitingVerdict));

        During(AwaitingVerdict,
            When(VerdictReached, context => !context.Message.Appeal && context.Message.Verdict == Verdict.Infringing)
                .Then(context => Record(context, CaseOutcome.ContentRemoved))
                .Publish(context => new RemoveContent
                {
                    CommandId = NewId.NextGuid(),
                    CaseId = context.Saga.CorrelationId,
                    ContentId = context.Saga.ContentId,
                    AccountId = context.Saga.AccountId,
                    NoticeId = context.Saga.NoticeId,
                    ClaimType = context.Saga.ClaimType,
                    Reason = Statements.RemovalReason(context.Saga.ClaimType, context.Saga.VerdictReason),
                    IssuedAt = context.Saga.ClosedAt!.Value,
                    StatementOfReasons = Statements.ForRemoval(context.Saga.ClaimType, context.Saga.NoticeId, context.Saga.ContentId,
                        context.Saga.VerdictReason, context.Saga.ClosedAt.Value),
                })
                .Send(PeerQueues.AccountStrikes.Address, context => new RecordStrike
                {
                    AccountKey = NameId.Of("account", context.Saga.AccountId),
                    AccountId = context.Saga.AccountId,
                    NoticeId = context.Saga.NoticeId,
                    CaseId = context.Saga.CorrelationId,
                    ContentId = context.Saga.ContentId,
                    ClaimType = context.Saga.ClaimType,
                    DecidedAt = context.Saga.ClosedAt,
                })
                .Close(this),
            When(VerdictReached, context => !context.Message.Appeal && context.Message.Verdict == Verdict.NotInfringing)
                .Then(context => Record(context, CaseOutcome.NoInfringementFound))
                .Close(this),
            // An appeal's verdict for a case that was never removed: nothing to decide in this flow.
            When(VerdictReached, context => context.Message.Appeal));

        During(Closed, Ignore(OpenCase), Ignore(VerdictReached));
        During(AwaitingVerdict, Ignore(OpenCase));
    }

    public State AwaitingVerdict { get; private set; } = null!;
    public State Closed { get; private set; } = null!;

    public Event<OpenCase> OpenCase { get; private set; } = null!;
    public Event<VerdictReached> VerdictReached { get; private set; } = null!;

    static void Record(BehaviorContext<CaseState, VerdictReached> context, CaseOutcome outcome)
    {
        var saga = context.Saga;
        saga.Verdict = context.Message.Verdict;
        saga.ReviewerId = context.Message.ReviewerId;
        saga.VerdictReason = context.Message.Reason;
        saga.DecidedAt = context.Message.DecidedAt;
        saga.Outcome = outcome;
        saga.ClosedAt = DateTimeOffset.UtcNow;
    }
}

static class CaseStateMachineExtensions
{
    /// <summary>
    /// What every decision ends with, as ours: the notifier's standing learns the outcome, the notice of one item is
    /// answered, and the case closes.
    /// </summary>
    public static EventActivityBinder<CaseState, VerdictReached> Close(this EventActivityBinder<CaseState, VerdictReached> binder, CaseStateMachine machine) =>
        binder
            .If(context => context.Saga.NotifierId is not null, report => report
                .Send(PeerQueues.NotifierStanding.Address, context => new RecordNoticeOutcome
                {
                    NotifierId = context.Saga.NotifierId!.Value,
                    NoticeId = context.Saga.NoticeId,
                    CaseId = context.Saga.CorrelationId,
                    Verdict = context.Saga.Verdict!.Value,
                    NoticeItems = context.Saga.NoticeItems,
                }))
            .If(context => !context.Saga.Automated && context.Saga.NoticeItems == 1, single => single
                .Publish(context => new NoticeDecided
                {
                    NoticeId = context.Saga.NoticeId,
                    Items =
                    [
                        new NoticeItemDecision
                        {
                            CaseId = context.Saga.CorrelationId,
                            ContentId = context.Saga.ContentId,
                            Outcome = context.Saga.Outcome == CaseOutcome.ContentRemoved ? NoticeItemOutcome.ContentRemoved : NoticeItemOutcome.NoInfringementFound,
                            DecidedAt = context.Saga.ClosedAt!.Value,
                        },
                    ],
                    DecidedAt = context.Saga.ClosedAt!.Value,
                }))
            .Publish(context => new CaseClosed
            {
                CaseId = context.Saga.CorrelationId,
                Outcome = context.Saga.Outcome!.Value,
                ClosedAt = context.Saga.ClosedAt!.Value,
                NoticeId = context.Saga.NoticeId,
            })
            .TransitionTo(machine.Closed);
}
