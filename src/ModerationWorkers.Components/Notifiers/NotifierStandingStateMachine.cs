using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Notifiers;

/// <summary>
/// Counts each notifier's unfounded notices and applies the notice-abuse policy: a warning first, then a suspension.
/// One instance per notifier and optimistic concurrency serialise the outcomes of one notifier.
/// </summary>
public sealed class NotifierStandingStateMachine : MassTransitStateMachine<NotifierStandingState>
{
    public NotifierStandingStateMachine(NoticeAbusePolicy abuse, PolicyOptions policy, TimeProvider clock, ILogger<NotifierStandingStateMachine> logger)
    {
        Event(() => RecordNoticeOutcome, e => e.CorrelateById(m => m.Message.NotifierId));
        Event(() => LiftNotifierSuspension, e =>
        {
            e.CorrelateById(m => m.Message.NotifierId);
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(
                NotifierStandingBehaviorExtensions.Refusal(context.Message, [OverrideRejectionReasons.NotSuspended], clock), context.CancellationToken)));
        });

        InstanceState(x => x.CurrentState);
        ConnectStateObserver(new AuditStateObserver<NotifierStandingState>(clock));

        Initially(
            When(RecordNoticeOutcome)
                .ApplyAbusePolicy(abuse, policy, clock, logger)
                .TransitionTo(Tracked));

        During(Tracked,
            When(RecordNoticeOutcome).ApplyAbusePolicy(abuse, policy, clock, logger),
            When(LiftNotifierSuspension).LiftSuspension(abuse, clock, logger));
    }

    public State Tracked { get; private set; } = null!;

    public Event<RecordNoticeOutcome> RecordNoticeOutcome { get; private set; } = null!;
    public Event<LiftNotifierSuspension> LiftNotifierSuspension { get; private set; } = null!;
}
