using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// A notifier's retraction: checks it against the notice's record, then withdraws each of the notice's cases. Each
/// case undoes what the notice did to it, once, whatever arrives with it (a verdict, the same retraction again): the
/// case saga serialises both, so a retraction is exact without a lock of its own here.
/// </summary>
public sealed class NoticeRetractedConsumer(IModerationStore store, TimeProvider clock, ILogger<NoticeRetractedConsumer> logger) : IConsumer<NoticeRetracted>
{
    public async Task Consume(ConsumeContext<NoticeRetracted> context)
    {
        var retraction = context.Message;
        var cancellationToken = context.CancellationToken;
        var notice = await store.Notices.Find(retraction.NoticeId, cancellationToken);
        var notifierId = notice is { Accepted: true } ? await NotifierOf(notice, cancellationToken) : null;

        var check = RedressPolicy.CheckRetraction(retraction, notice is not null, notice?.Accepted == true, notifierId);
        if (!check.IsValid)
        {
            ModerationMetrics.RedressFiled.Add(1, [new("kind", "retraction"), new("outcome", "rejected")]);
            logger.LogInformation("Retraction of notice {NoticeId} rejected: {Reasons}", retraction.NoticeId, check.Reasons);
            await context.Publish(new NoticeRetractionRejected { NoticeId = retraction.NoticeId, Reasons = check.Reasons, RejectedAt = clock.GetUtcNow() },
                cancellationToken);
            return;
        }

        // The queue its cases were opened on, so the withdrawal follows the opening.
        var queue = notice!.TrustedFlagger ? QueueNames.CaseSagaPriority : QueueNames.CaseSaga;
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(queue));
        var retractedAt = clock.GetUtcNow();
        await caseSaga.SendBatch(notice.ContentIds.Select(contentId => new WithdrawCase
        {
            CaseId = DeterministicId.ForCase(notice.NoticeId, contentId),
            NoticeId = notice.NoticeId,
            RetractedAt = retractedAt,
        }), cancellationToken);

        ModerationMetrics.RedressFiled.Add(1, [new("kind", "retraction"), new("outcome", "accepted")]);
        logger.LogInformation("Notice {NoticeId} retracted by its notifier: {CaseCount} case(s) withdrawn", notice.NoticeId, notice.ContentIds.Count);
    }

    /// <summary>The notice's notifier; a record from before issue 18 lacks it, and its first case knows it.</summary>
    async Task<Guid?> NotifierOf(NoticeRecord notice, CancellationToken cancellationToken) =>
        notice.NotifierId
        ?? (notice.ContentIds.Count == 0
            ? null
            : (await store.Sagas.Find<CaseState>(DeterministicId.ForCase(notice.NoticeId, notice.ContentIds[0]), cancellationToken))?.NotifierId);
}
