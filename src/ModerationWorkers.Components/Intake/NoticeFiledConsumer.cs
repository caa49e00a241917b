using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Notice intake: validates a notice and splits a valid one into one case per item. The notice id is marked
/// processed only after everything is sent, so a crash in between repeats the sends (which are idempotent)
/// rather than losing them.
/// </summary>
public sealed class NoticeFiledConsumer(
    IModerationStore store,
    NoticeValidator validator,
    TimeProvider clock,
    ILogger<NoticeFiledConsumer> logger) : IConsumer<NoticeFiled>
{
    public async Task Consume(ConsumeContext<NoticeFiled> context)
    {
        var notice = context.Message;
        var noticeId = notice.NoticeId;
        var processedKey = $"notice:{noticeId}";
        var cancellationToken = context.CancellationToken;

        if (await store.Processed.Contains(processedKey, cancellationToken))
        {
            logger.LogInformation("Notice {NoticeId} was processed already: duplicate ignored", noticeId);
            return;
        }

        ModerationMetrics.NoticesReceived.Add(1);
        var validation = validator.Validate(notice);
        if (validation.IsValid)
            await OpenCases(context, noticeId, validation.ContentIds);
        else
            await Reject(context, noticeId, validation.Reasons);

        await store.Processed.Add(processedKey, clock.GetUtcNow(), cancellationToken);
    }

    async Task OpenCases(ConsumeContext<NoticeFiled> context, string noticeId, IReadOnlyList<string> contentIds)
    {
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        var receivedAt = clock.GetUtcNow();
        var commands = contentIds.Select(contentId => new OpenCase
        {
            CaseId = DeterministicId.ForCase(noticeId, contentId),
            NoticeId = noticeId,
            ContentId = contentId,
            ClaimType = context.Message.ClaimType,
            FiledAt = context.Message.FiledAt,
            ReceivedAt = receivedAt,
        }).ToArray();
        await caseSaga.SendBatch(commands, context.CancellationToken);

        ModerationMetrics.NoticesAccepted.Add(1);
        logger.LogInformation("Notice {NoticeId} ({ClaimType}) accepted: {CaseCount} case(s)", noticeId, context.Message.ClaimType, commands.Length);
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
