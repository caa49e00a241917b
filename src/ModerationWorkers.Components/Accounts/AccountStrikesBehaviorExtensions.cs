using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Accounts;

static class AccountStrikesBehaviorExtensions
{
    public static EventActivityBinder<AccountStrikesState, RecordStrike> ApplyLadder(
        this EventActivityBinder<AccountStrikesState, RecordStrike> binder, StrikeLadder ladder, StatementsOfReasons statements, TimeProvider clock,
        ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            var decision = ladder.Record(saga.Standing, message.NoticeId, message.CaseId, message.DecidedAt);
            if (decision.AlreadyRetracted)
            {
                logger.LogWarning("Strike of case {CaseId} for account {AccountId} not applied: the case was restored and its strike retracted first",
                    message.CaseId, saga.AccountId);
                return;
            }

            // A duplicate notice adds its case to the notice's one strike, so restoring either case finds it.
            saga.Apply(decision.Standing);
            if (decision.IsDuplicate)
                return;

            ModerationMetrics.Strikes.Add(1, new KeyValuePair<string, object?>("level", decision.Restriction?.Level.ToString() ?? "AlreadyBanned"));
            if (decision.Restriction is not { } restriction)
                return;

            var now = clock.GetUtcNow();
            var statement = statements.ForRestriction(restriction.Level, decision.ActiveStrikes, message.CaseId, message.ClaimType, now);
            saga.Restrict(context, clock, restriction,
                decision.ActiveStrikes, message.CaseId, statement, $"{decision.ActiveStrikes} active strike(s) after case {message.CaseId}");
            logger.LogInformation(
                "Account {AccountId} restricted: {Level} with {ActiveStrikes} active strikes, after case {CaseId} for notice {NoticeId} and content {ContentId}",
                saga.AccountId, restriction.Level, decision.ActiveStrikes, message.CaseId, message.NoticeId, message.ContentId);
        });

    /// <summary>Retracts a restored case's strike and publishes the lower rung, or None, when that lifts a restriction.</summary>
    public static EventActivityBinder<AccountStrikesState, RetractStrike> RetractAndRecompute(
        this EventActivityBinder<AccountStrikesState, RetractStrike> binder, StrikeLadder ladder, StatementsOfReasons statements, TimeProvider clock,
        ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            var decision = ladder.Retract(saga.Standing, message.CaseId);
            saga.Apply(decision.Standing);
            if (!decision.Found)
            {
                logger.LogInformation("Account {AccountId}: case {CaseId} restored before its strike arrived; the strike will not be applied",
                    saga.AccountId, message.CaseId);
                return;
            }

            ModerationMetrics.StrikesRetracted.Add(1);
            logger.LogInformation("Account {AccountId}: strike of case {CaseId} retracted ({Removed}), {ActiveStrikes} active strike(s) left",
                saga.AccountId, message.CaseId, decision.StrikeRemoved ? "strike removed" : "the notice's other cases keep it", decision.ActiveStrikes);
            if (decision.Lifted is not { } lifted)
                return;

            var now = clock.GetUtcNow();
            var statement = statements.ForLifting(lifted.Level, decision.ActiveStrikes, message.CaseId, now);
            saga.Restrict(context, clock, lifted,
                decision.ActiveStrikes, message.CaseId, statement, $"strike of case {message.CaseId} retracted: {decision.ActiveStrikes} active strike(s)");
            logger.LogInformation("Account {AccountId}: restriction lifted to {Level} after the strike of case {CaseId} was retracted",
                saga.AccountId, lifted.Level, message.CaseId);
        });

    /// <summary>
    /// An operator's dismissal of a strike (since issue 18): on the record with the operator's name and reason, and
    /// under the ladder's rules, so a restriction in force is lowered, never raised. The same command delivered again
    /// changes nothing and is not answered twice.
    /// </summary>
    public static EventActivityBinder<AccountStrikesState, DismissStrike> DismissAndRecompute(
        this EventActivityBinder<AccountStrikesState, DismissStrike> binder, StrikeLadder ladder, StatementsOfReasons statements, TimeProvider clock,
        ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            if (saga.DismissedCases.Contains(message.CaseId))
            {
                logger.LogInformation("Account {AccountId}: the strike of case {CaseId} was dismissed already", saga.AccountId, message.CaseId);
                return;
            }

            var missing = OperatorOverrides.MissingFields(message.Reason, message.Operator);
            var decision = missing.Count == 0 ? ladder.Dismiss(saga.Standing, message.CaseId) : null;
            if (decision is not { Found: true })
            {
                IReadOnlyList<string> reasons = missing.Count > 0 ? missing : [OverrideRejectionReasons.NoSuchStrike];
                logger.LogWarning("Account {AccountId}: dismissal of the strike of case {CaseId} by operator {Operator} refused: {Reasons}",
                    saga.AccountId, message.CaseId, message.Operator, reasons);
                saga.Outbox.Add(OutboxMessage.Publish(Refusal(message, reasons, clock)));
                return;
            }

            var operatorName = message.Operator!.Trim();
            saga.Apply(decision.Standing);
            saga.DismissedCases.Add(message.CaseId);
            var now = clock.GetUtcNow();
            context.AppendDecision(clock, new AuditDetails(nameof(Contracts.StrikeDismissed),
                Note: $"strike of case {message.CaseId} dismissed: {message.Reason!.Trim()}"), decidedBy: operatorName);
            saga.Outbox.Add(OutboxMessage.Publish(new StrikeDismissed
            {
                AccountId = saga.AccountId,
                CaseId = message.CaseId,
                Operator = operatorName,
                Reason = message.Reason.Trim(),
                ActiveStrikes = decision.ActiveStrikes,
                DismissedAt = now,
            }));
            ModerationMetrics.StrikesRetracted.Add(1);
            logger.LogInformation("Account {AccountId}: strike of case {CaseId} dismissed by operator {Operator}, {ActiveStrikes} active strike(s) left",
                saga.AccountId, message.CaseId, operatorName, decision.ActiveStrikes);
            if (decision.Lifted is not { } lifted)
                return;

            var statement = statements.ForDismissal(lifted.Level, decision.ActiveStrikes, message.CaseId, now);
            saga.Restrict(context, clock, lifted, decision.ActiveStrikes, message.CaseId, statement,
                $"strike of case {message.CaseId} dismissed by {operatorName}: {decision.ActiveStrikes} active strike(s)", decidedBy: operatorName);
        });

    public static OverrideRejected Refusal(DismissStrike message, IReadOnlyList<string> reasons, TimeProvider clock) => new()
    {
        Command = nameof(DismissStrike),
        SubjectId = message.AccountId,
        CaseId = message.CaseId,
        Operator = message.Operator,
        Reasons = reasons,
        RejectedAt = clock.GetUtcNow(),
    };

    static void Apply(this AccountStrikesState saga, StrikeStanding standing)
    {
        saga.Strikes = [.. standing.Strikes];
        saga.PermanentlyBanned = standing.PermanentlyBanned;
        saga.SuspendedUntil = standing.SuspendedUntil;
        saga.RetractedCases = [.. standing.RetractedCases];
    }

    /// <summary>
    /// Each restriction decision has its own command id: the account and the decision's place in its history. A
    /// redelivered message decides again from the same history, so it gets the same id; a later decision, even one
    /// of the same rung for the same notice, gets a new one, and downstream deduplication cannot swallow it.
    /// </summary>
    static Guid NextCommandId(this AccountStrikesState saga) =>
        DeterministicId.ForCommand(nameof(RestrictAccount), saga.AccountId, "decision", saga.Restrictions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Publishes a rung with its statement of reasons and keeps both in the account's history and audit trail.</summary>
    static void Restrict<T>(this AccountStrikesState saga, BehaviorContext<AccountStrikesState, T> context, TimeProvider clock,
        Restriction restriction, int activeStrikes, Guid caseId, StatementOfReasons statement, string why, string? decidedBy = null)
        where T : class
    {
        var now = clock.GetUtcNow();
        var commandId = saga.NextCommandId();
        saga.Restrictions.Add(new RestrictionRecord(commandId, restriction.Level, restriction.Until, activeStrikes, caseId, now));
        // A restriction is a decision about a person: it goes into the account's audit trail, with its statement of reasons.
        context.AppendDecision(clock, new AuditDetails(restriction.Level.ToString(), statement, why), decidedBy);
        saga.Outbox.Add(OutboxMessage.Publish(new RestrictAccount
        {
            CommandId = commandId,
            AccountId = saga.AccountId,
            Level = restriction.Level,
            Until = restriction.Until,
            ActiveStrikes = activeStrikes,
            CaseId = caseId,
            Reason = restriction.Level == RestrictionLevel.None ? StatementOf.Lifting(activeStrikes) : StatementOf.Restriction(activeStrikes),
            IssuedAt = now,
            StatementOfReasons = statement,
        }));
        ModerationMetrics.Restrictions.Add(1, new KeyValuePair<string, object?>("level", restriction.Level.ToString()));
    }
}
