using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>Counter-notices, appeals and restores: what a case does when its decision is contested.</summary>
static class CaseRedressExtensions
{
    /// <summary>The states in which a counter-notice or appeal is in progress.</summary>
    public static readonly IReadOnlySet<string> RedressStates = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(CaseStateMachine.UnderAppeal), nameof(CaseStateMachine.AwaitingRestore), nameof(CaseStateMachine.LegalHold),
        nameof(CaseStateMachine.UnderComplaint),
    };

    /// <summary>What the redress policy needs to know of this case.</summary>
    public static RedressFacts RedressFacts(this CaseState saga) => new(
        saga.AccountId,
        ContentRemoved: saga.Outcome == CaseOutcome.ContentRemoved && saga.RestoredAt is null,
        DecidedAt: saga.ClosedAt,
        CounterNoticeFiled: saga.CounterNoticeAt is not null,
        Appealed: saga.AppealedAt is not null,
        RedressPending: RedressStates.Contains(saga.CurrentState))
    {
        ClaimType = saga.ClaimType,
        NotifierId = saga.NotifierId,
        NoActionDecided = saga.Outcome == CaseOutcome.NoInfringementFound,
        Complained = saga.ComplaintAt is not null,
    };

    /// <summary>A valid counter-notice is forwarded to the notifier and schedules the restore; otherwise it is rejected with its reasons.</summary>
    public static EventActivityBinder<CaseState, CounterNoticeFiled> JudgeCounterNotice(
        this EventActivityBinder<CaseState, CounterNoticeFiled> binder, RedressPolicy redress, TimeProvider clock, ILogger logger, State awaitingRestore) =>
        binder.IfElse(context => redress.CheckCounterNotice(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).IsValid,
            accept => accept
                .Then(context =>
                {
                    var saga = context.Saga;
                    saga.CounterNoticeAt = clock.GetUtcNow();
                    saga.CounterNoticeDigest = FilingDigest.Of(context.Message);
                    saga.CounterNoticeMessageId = context.FilingId();
                    saga.RestoreAt = saga.TimerDueAt = redress.RestoreAt(saga.CounterNoticeAt.Value);
                    saga.NextAudit = new(Note: $"counter-notice accepted: restore at {saga.RestoreAt:O} unless legal action is filed");
                    ModerationMetrics.RedressFiled.Add(1, Tag("counter-notice", "accepted"));
                    logger.LogInformation("Counter-notice for case {CaseId} (notice {NoticeId}, content {ContentId}) accepted: restore at {RestoreAt}",
                        saga.CorrelationId, saga.NoticeId, saga.ContentId, saga.RestoreAt);
                })
                .PublishOnCommit(context => new CounterNoticeReceived
                {
                    CaseId = context.Saga.CorrelationId,
                    NoticeId = context.Saga.NoticeId,
                    ContentId = context.Saga.ContentId,
                    AccountId = context.Saga.AccountId!,
                    Statement = context.Message.Statement!,
                    Contact = context.Message.Contact!,
                    RestoreAfter = context.Saga.RestoreAt!.Value,
                    ReceivedAt = context.Saga.CounterNoticeAt!.Value,
                })
                .TransitionTo(awaitingRestore),
            reject => reject
                .PublishOnCommit(context => new CounterNoticeRejected
                {
                    CaseId = context.Saga.CorrelationId,
                    AccountId = context.Message.AccountId,
                    Reasons = Logged(logger, "Counter-notice", context.Saga,
                        redress.CheckCounterNotice(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).Reasons),
                    RejectedAt = clock.GetUtcNow(),
                }));

    /// <summary>A valid appeal reopens review (EU DSA Art. 20); otherwise it is rejected with its reasons.</summary>
    public static EventActivityBinder<CaseState, AppealFiled> JudgeAppeal(
        this EventActivityBinder<CaseState, AppealFiled> binder, RedressPolicy redress, TimeProvider clock, ILogger logger, State underAppeal) =>
        binder.IfElse(context => redress.CheckAppeal(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).IsValid,
            accept => accept
                .Then(context =>
                {
                    var saga = context.Saga;
                    saga.AppealedAt = clock.GetUtcNow();
                    saga.AppealDigest = FilingDigest.Of(context.Message);
                    saga.AppealMessageId = context.FilingId();
                    saga.AppealReason = context.Message.Reason;
                    saga.NextAudit = new(Note: $"appeal: {context.Message.Reason}");
                    ModerationMetrics.RedressFiled.Add(1, Tag("appeal", "accepted"));
                    logger.LogInformation("Appeal for case {CaseId} (notice {NoticeId}, content {ContentId}) accepted: back to review",
                        saga.CorrelationId, saga.NoticeId, saga.ContentId);
                })
                .PublishOnCommit(context => context.Saga.ReviewOpened(Complainant.Uploader, context.Saga.AppealReason, context.Saga.AppealedAt!.Value))
                .TransitionTo(underAppeal),
            reject => reject
                .PublishOnCommit(context => new AppealRejected
                {
                    CaseId = context.Saga.CorrelationId,
                    AccountId = context.Message.AccountId,
                    Reasons = Logged(logger, "Appeal", context.Saga,
                        redress.CheckAppeal(context.Message, context.Saga.RedressFacts(), clock.GetUtcNow()).Reasons),
                    RejectedAt = clock.GetUtcNow(),
                }));

    /// <summary>Tells reviewers that a decided case is to be reviewed again, and at whose request.</summary>
    public static AppealOpened ReviewOpened(this CaseState saga, Complainant complainant, string? reason, DateTimeOffset openedAt) => new()
    {
        CaseId = saga.CorrelationId,
        NoticeId = saga.NoticeId,
        ContentId = saga.ContentId,
        AccountId = saga.AccountId!,
        ClaimType = saga.ClaimType,
        OriginalVerdict = saga.Verdict!.Value,
        Reason = reason,
        OpenedAt = openedAt,
        Complainant = complainant,
    };

    /// <summary>Records the appeal's outcome and tells the parties.</summary>
    public static EventActivityBinder<CaseState, VerdictReached> DecideAppeal(
        this EventActivityBinder<CaseState, VerdictReached> binder, AppealOutcome outcome, AutomatedDecisions automation, StatementsOfReasons statements,
        ILogger logger) =>
        binder
            .Then(context =>
            {
                var saga = context.Saga;
                saga.AppealOutcome = outcome;
                saga.AppealDecidedAt = context.Message.DecidedAt;
                saga.NextAudit = new(Decision: outcome.ToString(), Note: $"appeal {outcome}: {context.Message.Reason}",
                    StatementOfReasons: statements.ForAppealDecision(outcome, Complainant.Uploader, saga.CorrelationId, saga.ClaimType,
                        context.Message.Reason, automation.IsAutomated(decidedByPolicy: false, context.Message.ReviewerId)));
                logger.LogInformation("Appeal of case {CaseId} (notice {NoticeId}, content {ContentId}) decided by {ReviewerId}: {Outcome}",
                    saga.CorrelationId, saga.NoticeId, saga.ContentId, context.Message.ReviewerId, outcome);
            })
            .PublishOnCommit(context => context.AppealDecision(outcome, Complainant.Uploader, automation, statements));

    /// <summary>Puts the content back, takes its fingerprint out of the bank and retracts the case's strike.</summary>
    public static EventActivityBinder<CaseState, T> Restore<T>(
        this EventActivityBinder<CaseState, T> binder, TimeProvider clock, ILogger logger, State restored, string why)
        where T : class =>
        binder
            // Commits with the restore, like the bank entry with the removal.
            .ApplyOnCommit(context => context.Saga.Fingerprint is { Length: > 0 } fingerprint
                ? new UnbankFingerprint(fingerprint, context.Saga.CorrelationId)
                : null)
            .Then(context =>
            {
                var saga = context.Saga;
                saga.TimerDueAt = null;
                saga.RestoredAt = clock.GetUtcNow();
                saga.NextAudit ??= new(Note: why);
                ModerationMetrics.ContentRestored.Add(1);
                logger.LogInformation("Case {CaseId} (notice {NoticeId}): content {ContentId} restored: {Why}",
                    saga.CorrelationId, saga.NoticeId, saga.ContentId, why);
            })
            .PublishOnCommit(context => new RestoreContent
            {
                CommandId = DeterministicId.ForCommand(nameof(RestoreContent), context.Saga.CorrelationId.ToString()),
                CaseId = context.Saga.CorrelationId,
                ContentId = context.Saga.ContentId,
                AccountId = context.Saga.AccountId!,
                Reason = why,
                IssuedAt = context.Saga.RestoredAt!.Value,
                NoticeId = context.Saga.NoticeId,
            })
            .If(context => context.Saga.StrikeRecorded, retract => retract
                .SendOnCommit(QueueNames.AccountStrikes, context => new RetractStrike
                {
                    AccountKey = DeterministicId.ForAccount(context.Saga.AccountId!),
                    AccountId = context.Saga.AccountId!,
                    CaseId = context.Saga.CorrelationId,
                }))
            .TransitionTo(restored);

    /// <summary>
    /// Whether this is the accepted counter-notice again (a broker redelivery, or a publisher's retry with the same
    /// message id and body): it was answered already. The same body under another message id is a second filing; a
    /// publisher that sets no message id is known by the body alone.
    /// </summary>
    public static bool IsAcceptedCounterNotice(this CaseState saga, CounterNoticeFiled filing, string? messageId) =>
        IsSameFiling(saga.CounterNoticeDigest, saga.CounterNoticeMessageId, FilingDigest.Of(filing), messageId);

    /// <summary>Whether this is the accepted appeal again, by the same rule.</summary>
    public static bool IsAcceptedAppeal(this CaseState saga, AppealFiled filing, string? messageId) =>
        IsSameFiling(saga.AppealDigest, saga.AppealMessageId, FilingDigest.Of(filing), messageId);

    /// <summary>The publisher's message id of the filing being handled, as redress intake passed it on; null when it set none.</summary>
    public static string? FilingId(this ConsumeContext context) => context.Headers.Get<string>(Intake.FilingHeaders.FilingId);

    internal static bool IsSameFiling(string? acceptedDigest, string? acceptedId, string digest, string? messageId) =>
        acceptedDigest == digest && (acceptedId is null || messageId is null || acceptedId == messageId);

    internal static IReadOnlyList<string> Logged(ILogger logger, string what, CaseState saga, IReadOnlyList<string> reasons)
    {
        ModerationMetrics.RedressFiled.Add(1, Tag(what.ToLowerInvariant(), "rejected"));
        logger.LogInformation("{What} for case {CaseId} (notice {NoticeId}, content {ContentId}) rejected: {Reasons}",
            what, saga.CorrelationId, saga.NoticeId, saga.ContentId, reasons);
        return reasons;
    }

    internal static KeyValuePair<string, object?>[] Tag(string kind, string outcome) => [new("kind", kind), new("outcome", outcome)];
}
