using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.NoticeOutcomes;

/// <summary>
/// Answers the notifier once per notice (EU DSA Art. 16(5)): collects the decision of each item of a notice of several
/// items, and publishes <see cref="NoticeDecided"/> when the last one comes. One instance per notice and optimistic
/// concurrency serialise its items, so concurrent verdicts on one notice publish it exactly once.
/// </summary>
public sealed class NoticeStateMachine : MassTransitStateMachine<NoticeState>
{
    public NoticeStateMachine(TimeProvider clock, ILogger<NoticeStateMachine> logger)
    {
        Event(() => RecordItemDecision, e => e.CorrelateById(m => m.Message.NoticeKey));

        InstanceState(x => x.CurrentState);
        ConnectStateObserver(new AuditStateObserver<NoticeState>(clock));

        Initially(
            When(RecordItemDecision)
                .Then(context =>
                {
                    context.Saga.NoticeId = context.Message.NoticeId;
                    context.Saga.NoticeItems = context.Message.NoticeItems;
                })
                .Record(logger)
                .TransitionTo(Deciding)
                .AnswerWhenComplete(clock, logger, Decided));

        During(Deciding,
            When(RecordItemDecision)
                .Record(logger)
                .AnswerWhenComplete(clock, logger, Decided));

        During(Decided,
            When(RecordItemDecision).Then(context => logger.LogInformation(
                "Notice {NoticeId} was answered already: the decision of case {CaseId} changes nothing", context.Saga.NoticeId, context.Message.Item.CaseId)));
    }

    public State Deciding { get; private set; } = null!;
    public State Decided { get; private set; } = null!;

    public Event<RecordItemDecision> RecordItemDecision { get; private set; } = null!;
}

static class NoticeBehaviorExtensions
{
    /// <summary>Keeps an item's first decision: a redelivery, or a later change such as a restore, is not a second one.</summary>
    public static EventActivityBinder<NoticeState, RecordItemDecision> Record(this EventActivityBinder<NoticeState, RecordItemDecision> binder, ILogger logger) =>
        binder.Then(context =>
        {
            var item = context.Message.Item;
            if (context.Saga.Items.Any(i => i.CaseId == item.CaseId))
            {
                logger.LogInformation("Decision of case {CaseId} for notice {NoticeId} delivered again: ignored", item.CaseId, context.Saga.NoticeId);
                return;
            }

            context.Saga.Items.Add(item);
        });

    public static EventActivityBinder<NoticeState, RecordItemDecision> AnswerWhenComplete(this EventActivityBinder<NoticeState, RecordItemDecision> binder,
        TimeProvider clock, ILogger logger, State decided) =>
        binder.If(context => context.Saga.Items.Count >= context.Saga.NoticeItems, complete => complete
            .Then(context =>
            {
                context.Saga.DecidedAt = clock.GetUtcNow();
                context.Saga.NextAudit = new(Decision: nameof(NoticeDecided), Note: $"{context.Saga.Items.Count} item(s) decided");
                logger.LogInformation("Notice {NoticeId} decided: all {Items} item(s)", context.Saga.NoticeId, context.Saga.Items.Count);
            })
            .PublishOnCommit(context => new NoticeDecided
            {
                NoticeId = context.Saga.NoticeId,
                Items = [.. context.Saga.Items],
                DecidedAt = context.Saga.DecidedAt!.Value,
            })
            .TransitionTo(decided));
}
