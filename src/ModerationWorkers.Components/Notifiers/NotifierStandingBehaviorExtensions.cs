using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Notifiers;

static class NotifierStandingBehaviorExtensions
{
    public static EventActivityBinder<NotifierStandingState, RecordNoticeOutcome> ApplyAbusePolicy(
        this EventActivityBinder<NotifierStandingState, RecordNoticeOutcome> binder, NoticeAbusePolicy abuse, PolicyOptions policy, TimeProvider clock, ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            var decision = abuse.Record(saga.Standing, message.NoticeId, message.Verdict, message.CaseId, message.NoticeItems);
            saga.Outcomes = [.. decision.Standing.Outcomes];
            saga.Days = [.. decision.Standing.Days];
            saga.RecentCases = [.. decision.Standing.RecentCases];
            saga.SuspendedUntil = decision.Standing.SuspendedUntil;
            saga.Warned = decision.Standing.Warned;

            var now = clock.GetUtcNow();
            if (decision.SuspendUntil is { } until)
            {
                context.AppendDecision(clock, new AuditDetails(NotifierDecisions.Suspended,
                    Note: $"suspended until {until:O}: {decision.UnfoundedNotices} of {decision.DecidedNotices} notices unfounded"));
                saga.Outbox.Add(OutboxMessage.Publish(new NotifierSuspended
                {
                    NotifierId = saga.CorrelationId,
                    NoticeId = message.NoticeId,
                    DecidedNotices = decision.DecidedNotices,
                    UnfoundedNotices = decision.UnfoundedNotices,
                    Ratio = decision.Ratio,
                    Until = until,
                    SuspendedAt = now,
                }));
                ModerationMetrics.NotifiersSuspended.Add(1);
                logger.LogWarning("Notifier {NotifierId} suspended until {Until}: {Unfounded} of {Decided} notices unfounded",
                    saga.CorrelationId, until, decision.UnfoundedNotices, decision.DecidedNotices);
            }
            else if (decision.Warn)
            {
                context.AppendDecision(clock, new AuditDetails(NotifierDecisions.Warned,
                    Note: $"warned: {decision.UnfoundedNotices} of {decision.DecidedNotices} notices unfounded"));
                saga.Outbox.Add(OutboxMessage.Publish(new NotifierWarned
                {
                    NotifierId = saga.CorrelationId,
                    NoticeId = message.NoticeId,
                    DecidedNotices = decision.DecidedNotices,
                    UnfoundedNotices = decision.UnfoundedNotices,
                    Ratio = decision.Ratio,
                    SuspensionRatio = policy.Abuse.Ratio,
                    WarnedAt = now,
                }));
                logger.LogInformation("Notifier {NotifierId} warned: {Unfounded} of {Decided} notices unfounded",
                    saga.CorrelationId, decision.UnfoundedNotices, decision.DecidedNotices);
            }
        });

    /// <summary>
    /// An operator's lift of a suspension (since issue 18), on the record with the operator's name and reason. The same
    /// command delivered again changes nothing and is not answered twice.
    /// </summary>
    public static EventActivityBinder<NotifierStandingState, LiftNotifierSuspension> LiftSuspension(
        this EventActivityBinder<NotifierStandingState, LiftNotifierSuspension> binder, NoticeAbusePolicy abuse, TimeProvider clock, ILogger logger) =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            var message = context.Message;
            var liftKey = $"{message.Operator?.Trim()}|{message.IssuedAt:O}";
            if (saga.LastLift == liftKey)
            {
                logger.LogInformation("Notifier {NotifierId}: the lift by operator {Operator} was applied already", saga.CorrelationId, message.Operator);
                return;
            }

            var missing = OperatorOverrides.MissingFields(message.Reason, message.Operator);
            var lifted = missing.Count == 0 ? abuse.Lift(saga.Standing) : null;
            if (lifted is null)
            {
                IReadOnlyList<string> reasons = missing.Count > 0 ? missing : [OverrideRejectionReasons.NotSuspended];
                logger.LogWarning("Notifier {NotifierId}: lift of the suspension by operator {Operator} refused: {Reasons}",
                    saga.CorrelationId, message.Operator, reasons);
                saga.Outbox.Add(OutboxMessage.Publish(Refusal(message, reasons, clock)));
                return;
            }

            var operatorName = message.Operator!.Trim();
            saga.Outcomes = [.. lifted.Outcomes];
            saga.Days = [.. lifted.Days];
            saga.SuspendedUntil = lifted.SuspendedUntil;
            saga.Warned = lifted.Warned;
            saga.LastLift = liftKey;
            var now = clock.GetUtcNow();
            context.AppendDecision(clock, new AuditDetails(NotifierDecisions.SuspensionLifted, Note: $"suspension lifted: {message.Reason!.Trim()}"),
                decidedBy: operatorName);
            saga.Outbox.Add(OutboxMessage.Publish(new NotifierSuspensionLifted
            {
                NotifierId = saga.CorrelationId,
                Operator = operatorName,
                Reason = message.Reason.Trim(),
                LiftedAt = now,
            }));
            logger.LogInformation("Notifier {NotifierId}: suspension lifted by operator {Operator}", saga.CorrelationId, operatorName);
        });

    public static OverrideRejected Refusal(LiftNotifierSuspension message, IReadOnlyList<string> reasons, TimeProvider clock) => new()
    {
        Command = nameof(LiftNotifierSuspension),
        SubjectId = message.NotifierId.ToString(),
        Operator = message.Operator,
        Reasons = reasons,
        RejectedAt = clock.GetUtcNow(),
    };
}
