using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>Content intake: records who owns each item, and wakes the cases that were waiting for it.</summary>
public sealed class ContentUploadedConsumer(IModerationStore store, ILogger<ContentUploadedConsumer> logger) : IConsumer<ContentUploaded>
{
    public async Task Consume(ConsumeContext<ContentUploaded> context)
    {
        var upload = context.Message;
        var contentId = Require.Id(upload.ContentId, "contentId", nameof(ContentUploaded));
        var accountId = Require.Id(upload.AccountId, "accountId", nameof(ContentUploaded));

        var waiters = await store.Content.Register(
            [new ContentRecord(contentId, accountId, upload.UploadedAt, upload.Fingerprint, upload.Title)],
            context.CancellationToken);
        ModerationMetrics.ContentRegistered.Add(1);

        if (waiters.Count == 0)
            return;

        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        foreach (var waiter in waiters)
        {
            await caseSaga.Send(new ContentRegistered { CaseId = waiter.CaseId, ContentId = contentId, AccountId = accountId },
                context.CancellationToken);
        }

        logger.LogDebug("Content {ContentId} woke {WaitingCases} waiting case(s)", contentId, waiters.Count);
    }
}
