using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Notice intake: validates a notice and splits a valid one into one case per item. The notice's outcome is recorded
/// only after everything is sent, so a crash in between repeats the sends (which are idempotent) rather than losing them.
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
        var cancellationToken = context.CancellationToken;

        if (await store.Notices.Find(noticeId, cancellationToken) is not null)
        {
            logger.LogInformation("Notice {NoticeId} was processed already: duplicate ignored", noticeId);
            return;
        }

        ModerationMetrics.NoticesReceived.Add(1);
        var receivedAt = clock.GetUtcNow();
        var validation = validator.Validate(notice);
        if (validation.IsValid)
            await OpenCases(context, noticeId, validation.ContentIds, receivedAt);
        else
            await Reject(context, noticeId, validation.Reasons);

        await store.Notices.Record(
            new NoticeRecord(noticeId, notice.ClaimType.ToString(), receivedAt, validation.IsValid, validation.Reasons, validation.ContentIds),
            cancellationToken);
    }

    async Task OpenCases(ConsumeContext<NoticeFiled> context, string noticeId, IReadOnlyList<string> contentIds, DateTimeOffset receivedAt)
    {
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
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
