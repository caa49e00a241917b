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
}
