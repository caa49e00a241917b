using MassTransit;
using ModerationWorkers.Benchmarks.Peer.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>
/// Counts each account's strikes. Like our ladder, the first three strikes each publish a rung (a warning, an upload
/// suspension, a permanent ban) and nothing is published after the ban; the peer counts, it applies no rules.
/// </summary>
public sealed class AccountStrikesStateMachine : MassTransitStateMachine<AccountStrikesState>
{
    const int BanAt = 3;

    static readonly TimeSpan UploadSuspension = TimeSpan.FromDays(7);

    public AccountStrikesStateMachine()
    {
        Event(() => RecordStrike, e => e.CorrelateById(m => m.Message.AccountKey));

        InstanceState(x => x.CurrentState);

        Initially(
            When(RecordStrike)
                .Then(context => context.Saga.AccountId = context.Message.AccountId)
                .Strike()
                .TransitionTo(Standing));
        During(Standing, When(RecordStrike).Strike());
    }

    public State Standing { get; private set; } = null!;

    public Event<RecordStrike> RecordStrike { get; private set; } = null!;

    static RestrictionLevel LevelAt(int strikes) => strikes switch
    {
        1 => RestrictionLevel.Warning,
        2 => RestrictionLevel.UploadSuspended,
        _ => RestrictionLevel.PermanentBan,
    };

    internal static bool Restricts(int strikes) => strikes <= BanAt;

    internal static RestrictAccount Restriction(AccountStrikesState saga, RecordStrike strike)
    {
        var now = DateTimeOffset.UtcNow;
        var level = LevelAt(saga.Strikes);
        return new RestrictAccount
        {
            CommandId = NewId.NextGuid(),
            AccountId = saga.AccountId,
            Level = level,
            Until = level == RestrictionLevel.UploadSuspended ? (strike.DecidedAt ?? now) + UploadSuspension : null,
            ActiveStrikes = saga.Strikes,
            CaseId = strike.CaseId,
            Reason = Statements.RestrictionReason(saga.Strikes),
            IssuedAt = now,
            StatementOfReasons = Statements.ForRestriction(level, saga.Strikes, strike.CaseId, strike.ClaimType, now),
        };
    }
}

static class AccountStrikesExtensions
{
    public static EventActivityBinder<AccountStrikesState, RecordStrike> Strike(this EventActivityBinder<AccountStrikesState, RecordStrike> binder) =>
        binder
            .Then(context => context.Saga.Strikes++)
            .If(context => AccountStrikesStateMachine.Restricts(context.Saga.Strikes), restrict => restrict
                .Publish(context => AccountStrikesStateMachine.Restriction(context.Saga, context.Message)));
}
