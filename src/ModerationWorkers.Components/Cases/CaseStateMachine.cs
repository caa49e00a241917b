using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// Orchestrates one case: wait for the content if it is unknown, open it for review, apply the verdict.
/// Rules live in the policy project; this class only decides what happens next.
/// </summary>
public sealed class CaseStateMachine : MassTransitStateMachine<CaseState>
{
    public CaseStateMachine(IModerationStore store, PolicyOptions policy, TimeProvider clock, ILogger<CaseStateMachine> logger)
    {
        Event(() => OpenCase, e => e.CorrelateById(m => m.Message.CaseId));
        Event(() => ContentRegistered, e =>
        {
            e.CorrelateById(m => m.Message.CaseId);
            // The case may be committing in another consumer right now: fault, and let retry find it.
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => ApplyVerdict, e =>
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

        InstanceState(x => x.CurrentState);
        ConnectStateObserver(new AuditStateObserver<CaseState>(clock));

        Initially(
            When(OpenCase)
                .Then(context => context.Saga.Describe(context.Message))
                .ThenAsync(async context =>
                {
                    var content = await store.Content.AwaitOrFind(context.Message.ContentId, context.Saga.CorrelationId, context.CancellationToken);
                    context.Saga.AccountId = content?.AccountId;
                })
                .IfElse(context => context.Saga.AccountId is not null,
                    known => known.OpenForReview(store, clock, logger, AwaitingVerdict),
                    unknown => unknown
                        .Then(context => context.Saga.TimerDueAt = clock.GetUtcNow() + policy.ContentWaitTimeout)
                        .Then(context => logger.LogInformation(
                            "Case {CaseId} for notice {NoticeId} waits for unknown content {ContentId}",
                            context.Saga.CorrelationId, context.Saga.NoticeId, context.Saga.ContentId))
                        .TransitionTo(AwaitingContent)));

        During(AwaitingContent,
            When(ContentRegistered)
                .Then(context => context.Saga.AccountId = context.Message.AccountId)
                .OpenForReview(store, clock, logger, AwaitingVerdict),
            When(CaseTimerElapsed, context => context.Saga.TimerDueAt <= clock.GetUtcNow())
                .ThenAsync(context => store.Content.RemoveWaiter(context.Saga.ContentId, context.Saga.CorrelationId, context.CancellationToken))
                .Then(context =>
                {
                    context.Saga.TimerDueAt = null;
                    context.Saga.ClosedAt = clock.GetUtcNow();
                    context.Saga.TransitionNote = RejectionReasons.UnknownContent;
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
                .TransitionTo(Rejected),
            When(ApplyVerdict).IgnoreVerdict(logger, "the case is not open for review yet"));

        During(AwaitingVerdict,
            When(ApplyVerdict, context => context.Message.Verdict == Verdict.Infringing)
                .RecordVerdict(clock, CaseOutcome.ContentRemoved)
                .Then(context => context.Saga.RemoveCommandId = DeterministicId.ForCommand(nameof(RemoveContent), context.Saga.CorrelationId.ToString()))
                .PublishOnCommit(context => new RemoveContent
                {
                    CommandId = context.Saga.RemoveCommandId!.Value,
                    CaseId = context.Saga.CorrelationId,
                    ContentId = context.Saga.ContentId,
                    AccountId = context.Saga.AccountId!,
                    NoticeId = context.Saga.NoticeId,
                    ClaimType = context.Saga.ClaimType,
                    Reason = StatementOf.Removal(context.Saga.ClaimType, context.Message.Reason),
                    IssuedAt = context.Saga.ClosedAt!.Value,
                })
                .SendOnCommit(QueueNames.AccountStrikes, context => new RecordStrike
                {
                    AccountKey = DeterministicId.ForAccount(context.Saga.AccountId!),
                    AccountId = context.Saga.AccountId!,
                    NoticeId = context.Saga.NoticeId,
                    CaseId = context.Saga.CorrelationId,
                    ContentId = context.Saga.ContentId,
                })
                .CloseCase(logger, Closed),
            When(ApplyVerdict, context => context.Message.Verdict == Verdict.NotInfringing)
                .RecordVerdict(clock, CaseOutcome.NoInfringementFound)
                .CloseCase(logger, Closed));

        During(Closed, Rejected,
            When(ApplyVerdict).IgnoreVerdict(logger, "the case is already closed"));

        // Duplicates and stale notifications change nothing.
        During(AwaitingContent, AwaitingVerdict, Closed, Rejected, Ignore(OpenCase));
        During(AwaitingVerdict, Closed, Rejected, Ignore(ContentRegistered), Ignore(CaseTimerElapsed));
        During(AwaitingContent, Ignore(CaseTimerElapsed));
    }

    public State AwaitingContent { get; private set; } = null!;
    public State AwaitingVerdict { get; private set; } = null!;
    public State Closed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    public Event<OpenCase> OpenCase { get; private set; } = null!;
    public Event<ContentRegistered> ContentRegistered { get; private set; } = null!;
    public Event<ApplyVerdict> ApplyVerdict { get; private set; } = null!;
    public Event<CaseTimerElapsed> CaseTimerElapsed { get; private set; } = null!;
}
