using MassTransit;
using ModerationWorkers.Benchmarks.Peer.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>Notice intake: one case per item of the notice, sent to the case saga.</summary>
public sealed class NoticeFiledConsumer : IConsumer<NoticeFiled>
{
    public async Task Consume(ConsumeContext<NoticeFiled> context)
    {
        var notice = context.Message;
        var contentIds = notice.ContentIds ?? [];
        if (contentIds.Count == 0)
            return;

        var notifierId = notice.Notifier?.Email is { Length: > 0 } email ? NameId.Of("notifier", email.Trim().ToLowerInvariant()) : (Guid?)null;
        var receivedAt = DateTimeOffset.UtcNow;
        var caseSaga = await context.GetSendEndpoint(PeerQueues.CaseSaga.Address);
        await caseSaga.SendBatch(contentIds.Select(contentId => new OpenCase
        {
            CaseId = NewId.NextGuid(),
            NoticeId = notice.NoticeId,
            ContentId = contentId,
            ClaimType = notice.ClaimType,
            FiledAt = notice.FiledAt,
            ReceivedAt = receivedAt,
            Priority = CasePriority.Normal,
            NotifierId = notifierId,
            NoticeItems = contentIds.Count,
        }), context.CancellationToken);
    }
}
