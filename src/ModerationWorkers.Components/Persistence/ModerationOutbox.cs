using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Persistence;

/// <summary>What our sagas' outboxes may hold, and how a stored destination is read.</summary>
public static class ModerationOutbox
{
    public static OutboxMessageTypes Types { get; } = new(
        [
            typeof(CaseOpened), typeof(NoticeRejected), typeof(RemoveContent), typeof(RestrictAccount), typeof(CaseClosed),
            typeof(RecordStrike), typeof(RetractStrike), typeof(RecordNoticeOutcome), typeof(RestoreContent), typeof(CounterNoticeReceived),
            typeof(CounterNoticeRejected), typeof(AppealOpened), typeof(AppealRejected), typeof(AppealDecided), typeof(NotifierWarned),
            typeof(NotifierSuspended), typeof(LegalActionRejected), typeof(BankFingerprint), typeof(UnbankFingerprint),
            typeof(NoticeDecided), typeof(RecordItemDecision), typeof(NoticeComplaintRejected), typeof(StrikeDismissed), typeof(NotifierSuspensionLifted),
            typeof(OverrideRejected),
        ],
        QueueNames.Resolve,
        message =>
        {
            if (message is RemoveContent or RestrictAccount)
                ModerationMetrics.CommandsPublished.Add(1, new KeyValuePair<string, object?>("type", message.GetType().Name));
        });

    /// <summary>Sends a message to one of our queues, through its inbox, once the state commits.</summary>
    public static MassTransit.EventActivityBinder<TSaga, TData> SendOnCommit<TSaga, TData, TMessage>(
        this MassTransit.EventActivityBinder<TSaga, TData> binder, string queue, Func<MassTransit.BehaviorContext<TSaga, TData>, TMessage> create)
        where TSaga : class, IStoredSaga
        where TData : class
        where TMessage : class =>
        binder.SendOnCommit(QueueNames.Address(queue), create);
}
