using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Content intake, the hot path: records who owns each item, a batch of uploads in one store transaction, and
/// wakes the cases that were waiting for any of them. Each upload was checked for its ids before batching, so one
/// bad message goes to the error queue alone.
/// </summary>
public sealed class ContentUploadedConsumer(IModerationStore store, ILogger<ContentUploadedConsumer> logger) : IConsumer<Batch<ContentUploaded>>
{
    public async Task Consume(ConsumeContext<Batch<ContentUploaded>> context)
    {
        var records = new ContentRecord[context.Message.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var upload = context.Message[i].Message;
            records[i] = new ContentRecord(upload.ContentId, upload.AccountId, upload.UploadedAt, upload.Fingerprint, upload.Title);
        }

        var waiters = await store.Content.Register(records, context.CancellationToken);
        ModerationMetrics.ContentRegistered.Add(records.Length);
        if (waiters.Count == 0)
            return;

        var owners = records.GroupBy(r => r.ContentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().AccountId, StringComparer.Ordinal);
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        await caseSaga.SendBatch(waiters.Select(w => new ContentRegistered { CaseId = w.CaseId, ContentId = w.ContentId, AccountId = owners[w.ContentId] }),
            context.CancellationToken);
        logger.LogDebug("{Uploads} upload(s) woke {WaitingCases} waiting case(s)", records.Length, waiters.Count);
    }
}
