using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// The verdict authority check (ADR 0008), in front of the case saga since issue 20. A verdict is applied only when
/// it came in on the <c>verdicts</c> queue, the one bound to the <c>VerdictReached</c> exchange, and when the reviewer
/// or the publisher may decide cases. Any other verdict changes nothing: it is logged, counted and acknowledged,
/// never dead-lettered, so that no redrive can launder it. A redrive moves a verdict, it never authors one: the
/// publisher is still the reviewer's, and the operator is named in the log.
/// </summary>
public sealed class VerdictAuthorityFilter(SecurityOptions security, IModerationStore store, ILogger logger) : IFilter<ConsumeContext<VerdictReached>>
{
    public async Task Send(ConsumeContext<VerdictReached> context, IPipe<ConsumeContext<VerdictReached>> next)
    {
        var verdict = context.Message;
        var queue = EndpointConfiguration.QueueOf(context.ReceiveContext.InputAddress);
        if (queue != QueueNames.Verdicts)
        {
            // Another saga queue: only workers write those, and a verdict from a worker skipped this check's reviewers.
            ModerationMetrics.VerdictsUnauthorised.Add(1);
            logger.LogWarning("Verdict for case {CaseId} by {ReviewerId} ignored: it came in on queue {Queue}, not {VerdictQueue}",
                verdict.CaseId, verdict.ReviewerId, queue, QueueNames.Verdicts);
            await Refused(context).ConfigureAwait(false);
            return;
        }

        var publisher = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null;
        if (context.Headers.Get<string>(RedriveHeaders.RedrivenBy) is { Length: > 0 } operatorName)
            logger.LogInformation("Verdict for case {CaseId} by {ReviewerId}, published by {Publisher}, was redriven by operator {Operator}",
                verdict.CaseId, verdict.ReviewerId, publisher ?? "(unnamed)", operatorName);

        if (!IsAuthorised(verdict.ReviewerId, publisher))
        {
            ModerationMetrics.VerdictsUnauthorised.Add(1);
            // The rare refused verdict is worth one read, so its log line names the notice and content like every case line.
            var @case = await store.Sagas.Find<CaseState>(verdict.CaseId, context.CancellationToken).ConfigureAwait(false);
            logger.LogWarning(
                "Verdict for case {CaseId} (notice {NoticeId}, content {ContentId}) by {ReviewerId} ignored: neither the reviewer nor the publisher {Publisher} may decide cases",
                verdict.CaseId, @case?.NoticeId, @case?.ContentId, verdict.ReviewerId, publisher ?? "(unnamed)");
            await Refused(context).ConfigureAwait(false);
            return;
        }

        await next.Send(context).ConfigureAwait(false);
    }

    // A message no consumer took would be moved to the queue's _skipped queue; a refused verdict is settled here, acked.
    static Task Refused(ConsumeContext<VerdictReached> context) => context.NotifyConsumed(context, TimeSpan.Zero, nameof(VerdictAuthorityFilter));

    bool IsAuthorised(string reviewerId, string? publisher) =>
        security.AllowAnyReviewer
        || security.ReviewerIdSet.Contains(reviewerId)
        || (publisher is not null && security.ReviewerPublisherSet.Contains(publisher));

    public void Probe(ProbeContext context) => context.CreateFilterScope("verdictAuthority");
}
