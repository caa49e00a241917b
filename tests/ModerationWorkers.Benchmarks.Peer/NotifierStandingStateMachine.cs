using MassTransit;
using ModerationWorkers.Benchmarks.Peer.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>Records each notifier's outcomes. With one notice per notifier, ours publishes nothing in this flow, nor does this.</summary>
public sealed class NotifierStandingStateMachine : MassTransitStateMachine<NotifierStandingState>
{
    public NotifierStandingStateMachine()
    {
        Event(() => RecordNoticeOutcome, e => e.CorrelateById(m => m.Message.NotifierId));

        InstanceState(x => x.CurrentState);

        Initially(When(RecordNoticeOutcome).Then(Count).TransitionTo(Tracked));
        During(Tracked, When(RecordNoticeOutcome).Then(Count));
    }

    public State Tracked { get; private set; } = null!;

    public Event<RecordNoticeOutcome> RecordNoticeOutcome { get; private set; } = null!;

    static void Count(BehaviorContext<NotifierStandingState, RecordNoticeOutcome> context)
    {
        context.Saga.Decided++;
        if (context.Message.Verdict == Verdict.NotInfringing)
            context.Saga.Unfounded++;
    }
}
