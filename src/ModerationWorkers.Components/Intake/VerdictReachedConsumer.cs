using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Verdict intake: checks that a verdict comes from someone allowed to decide, then hands it to its case.
/// A verdict from anyone else changes nothing: it is logged, counted and acknowledged.
/// </summary>
public sealed class VerdictReachedConsumer(IOptions<SecurityOptions> security, IModerationStore store, ILogger<VerdictReachedConsumer> logger)
    : IConsumer<VerdictReached>
{
    public async Task Consume(ConsumeContext<VerdictReached> context)
    {
        var verdict = context.Message;
        var (caseId, reviewerId) = (verdict.CaseId, verdict.ReviewerId); // checked by InboundMessageFilter

        var publisher = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null;
        // A redrive moves a verdict, it never authors one: the publisher above is still the reviewer's, and the operator is named.
        if (context.Headers.Get<string>(RedriveHeaders.RedrivenBy) is { Length: > 0 } operatorName)
            logger.LogInformation("Verdict for case {CaseId} by {ReviewerId}, published by {Publisher}, was redriven by operator {Operator}",
                caseId, reviewerId, publisher ?? "(unnamed)", operatorName);
        if (!IsAuthorised(security.Value, reviewerId, publisher))
        {
            ModerationMetrics.VerdictsUnauthorised.Add(1);
            // The rare refused verdict is worth one read, so its log line names the notice and content like every case line.
            var @case = await store.Sagas.Find<CaseState>(caseId, context.CancellationToken);
            logger.LogWarning(
                "Verdict for case {CaseId} (notice {NoticeId}, content {ContentId}) by {ReviewerId} ignored: neither the reviewer nor the publisher {Publisher} may decide cases",
                caseId, @case?.NoticeId, @case?.ContentId, reviewerId, publisher ?? "(unnamed)");
            return;
        }

        // A decided case goes ahead of new ones: a mass notice can queue hundreds of cases, and enforcing a decision
        // already taken should not wait behind them.
        var caseSaga = await context.GetSendEndpoint(QueueNames.VerdictAddress);
        await caseSaga.Send(new ApplyVerdict
        {
            CaseId = caseId,
            Verdict = verdict.Verdict,
            ReviewerId = reviewerId,
            Reason = verdict.Reason,
            DecidedAt = verdict.DecidedAt,
            Appeal = verdict.Appeal,
        }, context.CancellationToken);
    }

    static bool IsAuthorised(SecurityOptions options, string reviewerId, string? publisher) =>
        options.AllowAnyReviewer
        || options.ReviewerIdSet.Contains(reviewerId)
        || (publisher is not null && options.ReviewerPublisherSet.Contains(publisher));
}
