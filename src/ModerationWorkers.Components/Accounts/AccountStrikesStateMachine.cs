using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;

namespace ModerationWorkers.Components.Accounts;

/// <summary>
/// Keeps each account's strikes and applies the ladder. One instance per account and optimistic concurrency
/// serialise the strikes of one account, so concurrent verdicts climb the ladder one rung at a time.
/// </summary>
public sealed class AccountStrikesStateMachine : MassTransitStateMachine<AccountStrikesState>
{
    public AccountStrikesStateMachine(StrikeLadder ladder, TimeProvider clock, ILogger<AccountStrikesStateMachine> logger)
    {
        Event(() => RecordStrike, e => e.CorrelateById(m => m.Message.AccountKey));

        InstanceState(x => x.CurrentState);
        ConnectStateObserver(new AuditStateObserver<AccountStrikesState>(clock));

        Initially(
            When(RecordStrike)
                .Then(context => context.Saga.AccountId = context.Message.AccountId)
                .ApplyLadder(ladder, clock, logger)
                .TransitionTo(Standing));

        During(Standing,
            When(RecordStrike).ApplyLadder(ladder, clock, logger));
    }

    public State Standing { get; private set; } = null!;

    public Event<RecordStrike> RecordStrike { get; private set; } = null!;
}

static class AccountStrikesBehaviorExtensions
{
    public static EventActivityBinder<AccountStrikesState, RecordStrike> ApplyLadder(
        this EventActivityBinder<AccountStrikesState, RecordStrike> binder, StrikeLadder ladder, TimeProvider clock, ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            var decision = ladder.Record(new StrikeStanding(saga.Strikes, saga.PermanentlyBanned), message.NoticeId, message.CaseId);
            if (decision.IsDuplicate)
                return;

            saga.Strikes = [.. decision.Standing.Strikes];
            ModerationMetrics.Strikes.Add(1, new KeyValuePair<string, object?>("level", decision.Restriction?.Level.ToString() ?? "AlreadyBanned"));
            saga.PermanentlyBanned = decision.Standing.PermanentlyBanned;
            if (decision.Restriction is not { } restriction)
                return;

            var now = clock.GetUtcNow();
            var commandId = DeterministicId.ForCommand(nameof(RestrictAccount), saga.AccountId, message.NoticeId);
            saga.Restrictions.Add(new RestrictionRecord(commandId, restriction.Level, restriction.Until, decision.ActiveStrikes, message.CaseId, now));
            // A restriction is a decision about a person: it goes into the account's audit trail too.
            saga.TransitionNote = $"{decision.ActiveStrikes} active strike(s) after case {message.CaseId}";
            context.AppendAudit(clock, saga.CurrentState, restriction.Level.ToString());
            saga.Outbox.Add(OutboxMessage.Publish(new RestrictAccount
            {
                CommandId = commandId,
                AccountId = saga.AccountId,
                Level = restriction.Level,
                Until = restriction.Until,
                ActiveStrikes = decision.ActiveStrikes,
                CaseId = message.CaseId,
                Reason = StatementOf.Restriction(decision.ActiveStrikes),
                IssuedAt = now,
            }));
            ModerationMetrics.Restrictions.Add(1, new KeyValuePair<string, object?>("level", restriction.Level.ToString()));
            logger.LogInformation(
                "Account {AccountId} restricted: {Level} with {ActiveStrikes} active strikes, after case {CaseId} for notice {NoticeId} and content {ContentId}",
                saga.AccountId, restriction.Level, decision.ActiveStrikes, message.CaseId, message.NoticeId, message.ContentId);
        });
}
