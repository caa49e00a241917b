using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Notifiers;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Notice intake: validates a notice and splits a valid one into one case per item. The notice's outcome is recorded
/// only after everything is sent, so a crash in between repeats the sends (which are idempotent) rather than losing them.
/// </summary>
public sealed class NoticeFiledConsumer(
    IModerationStore store,
    NoticeValidator validator,
    NoticeAbusePolicy abuse,
    PolicyOptions policy,
    TimeProvider clock,
    ILogger<NoticeFiledConsumer> logger) : IConsumer<NoticeFiled>
{
    public async Task Consume(ConsumeContext<NoticeFiled> context)
    {
        var notice = context.Message;
        var noticeId = notice.NoticeId;
        var cancellationToken = context.CancellationToken;

        var digest = FilingDigest.Of(notice);
        var recorded = await store.Notices.Find(noticeId, cancellationToken);
        if (recorded is { Accepted: true })
        {
            if (recorded.Digest is null || recorded.Digest == digest)
            {
                logger.LogInformation("Notice {NoticeId} was processed already: duplicate ignored", noticeId);
                return;
            }

            // Another filing under an accepted notice's id: answered, never silently dropped, and the accepted record stays.
            await Reject(context, noticeId, [RejectionReasons.NoticeIdInUse]);
            return;
        }

        var notifierId = NotifierIdentity.IdOf(notice.Notifier);
        var validation = await IsSuspended(notifierId, cancellationToken)
            ? NoticeValidation.Invalid([RejectionReasons.NotifierSuspended])
            : validator.Validate(notice);
        // A rejected notice opened nothing, so it is judged again when filed again: corrected, it is processed. Only the
        // same filing with the same answer is a redelivery, and that was answered already.
        if (recorded is not null && !validation.IsValid && recorded.Digest == digest && recorded.Reasons.SequenceEqual(validation.Reasons))
        {
            logger.LogInformation("Notice {NoticeId} was rejected already for the same reasons: duplicate ignored", noticeId);
            return;
        }

        ModerationMetrics.NoticesReceived.Add(1);
        var receivedAt = clock.GetUtcNow();
        if (validation.IsValid)
            await OpenCases(context, noticeId, validation.ContentIds, receivedAt, notifierId);
        else
            await Reject(context, noticeId, validation.Reasons);

        await store.Notices.Record(
            new NoticeRecord(noticeId, notice.ClaimType.ToString(), receivedAt, validation.IsValid, validation.Reasons, validation.ContentIds)
            {
                Digest = digest,
                TrustedFlagger = NotifierIdentity.PriorityOf(notice.Notifier, policy) == CasePriority.High,
                NotifierId = notifierId,
            },
            cancellationToken);
    }

    /// <summary>A notifier suspended for notice abuse (EU DSA Art. 23) has their notices rejected until the suspension ends.</summary>
    async Task<bool> IsSuspended(Guid? notifierId, CancellationToken cancellationToken) =>
        notifierId is { } id
        && await store.Sagas.Find<NotifierStandingState>(id, cancellationToken) is { } standing
        && abuse.IsSuspended(standing.Standing);

    async Task OpenCases(ConsumeContext<NoticeFiled> context, string noticeId, IReadOnlyList<string> contentIds, DateTimeOffset receivedAt, Guid? notifierId)
    {
        // Trusted flaggers' cases (EU DSA Art. 22) go to a queue of their own, so no backlog of normal cases delays them.
        var priority = NotifierIdentity.PriorityOf(context.Message.Notifier, policy);
        var queue = priority == CasePriority.High ? QueueNames.CaseSagaPriority : QueueNames.CaseSaga;
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(queue));
        var commands = contentIds.Select(contentId => new OpenCase
        {
            CaseId = DeterministicId.ForCase(noticeId, contentId),
            NoticeId = noticeId,
            ContentId = contentId,
            ClaimType = context.Message.ClaimType,
            FiledAt = context.Message.FiledAt,
            ReceivedAt = receivedAt,
            Priority = priority,
            NotifierId = notifierId,
            NoticeItems = contentIds.Count,
        }).ToArray();
        await caseSaga.SendBatch(commands, context.CancellationToken);

        ModerationMetrics.NoticesAccepted.Add(1);
        logger.LogInformation("Notice {NoticeId} ({ClaimType}) accepted: {CaseCount} case(s), priority {Priority}",
            noticeId, context.Message.ClaimType, commands.Length, priority);
    }

    async Task Reject(ConsumeContext<NoticeFiled> context, string noticeId, IReadOnlyList<string> reasons)
    {
        await context.Publish(new NoticeRejected
        {
            NoticeId = noticeId,
            ContentId = null,
            Reasons = reasons,
            RejectedAt = clock.GetUtcNow(),
        }, context.CancellationToken);

        foreach (var reason in reasons)
            ModerationMetrics.NoticesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        logger.LogInformation("Notice {NoticeId} rejected: {Reasons}", noticeId, reasons);
    }
}
