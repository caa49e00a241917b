using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Accounts;

/// <summary>
/// Keeps each account's strikes and applies the ladder. One instance per account and optimistic concurrency
/// serialise the strikes of one account, so concurrent verdicts climb the ladder one rung at a time.
/// </summary>
public sealed class AccountStrikesStateMachine : MassTransitStateMachine<AccountStrikesState>
{
    public AccountStrikesStateMachine(StrikeLadder ladder, StatementsOfReasons statements, TimeProvider clock, ILogger<AccountStrikesStateMachine> logger)
    {
        Event(() => RecordStrike, e => e.CorrelateById(m => m.Message.AccountKey));
        // A retraction may come before its strike (the strike was delayed or dead-lettered): it then starts the ledger,
        // remembering the case, so the strike is not applied when it comes.
        Event(() => RetractStrike, e => e.CorrelateById(m => m.Message.AccountKey));

        Event(() => DismissStrike, e =>
        {
            e.CorrelateById(m => DeterministicId.ForAccount(m.Message.AccountId));
            e.OnMissingInstance(m => m.ExecuteAsync(context => context.Publish(
                AccountStrikesBehaviorExtensions.Refusal(context.Message, [OverrideRejectionReasons.NoSuchStrike], clock), context.CancellationToken)));
        });

        InstanceState(x => x.CurrentState);
        ConnectStateObserver(new AuditStateObserver<AccountStrikesState>(clock));

        Initially(
            When(RecordStrike)
                .Then(context => context.Saga.AccountId = context.Message.AccountId)
                .ApplyLadder(ladder, statements, clock, logger)
                .TransitionTo(Standing),
            When(RetractStrike)
                .Then(context => context.Saga.AccountId = context.Message.AccountId)
                .RetractAndRecompute(ladder, statements, clock, logger)
                .TransitionTo(Standing));

        During(Standing,
            When(RecordStrike).ApplyLadder(ladder, statements, clock, logger),
            When(RetractStrike).RetractAndRecompute(ladder, statements, clock, logger),
            When(DismissStrike).DismissAndRecompute(ladder, statements, clock, logger));
    }

    public State Standing { get; private set; } = null!;

    public Event<RecordStrike> RecordStrike { get; private set; } = null!;
    public Event<RetractStrike> RetractStrike { get; private set; } = null!;
    public Event<DismissStrike> DismissStrike { get; private set; } = null!;
}
