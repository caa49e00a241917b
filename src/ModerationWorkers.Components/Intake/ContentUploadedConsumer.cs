using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Content intake, the hot path: records who owns each item, a batch of uploads in one store transaction, and
/// wakes the cases that were waiting for any of them. Each upload was checked for its ids before batching, so one
/// bad message goes to the error queue alone. An upload whose fingerprint is in the stay-down bank opens a case by itself.
/// </summary>
public sealed class ContentUploadedConsumer(IModerationStore store, TimeProvider clock, ILogger<ContentUploadedConsumer> logger)
    : IConsumer<Batch<ContentUploaded>>
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
        await OpenStayDownCases(context, records);
        if (waiters.Count == 0)
            return;

        var owners = records.GroupBy(r => r.ContentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        await caseSaga.SendBatch(waiters.Select(w => new ContentRegistered
        {
            CaseId = w.CaseId,
            ContentId = w.ContentId,
            AccountId = owners[w.ContentId].AccountId,
            Fingerprint = owners[w.ContentId].Fingerprint,
        }),
            context.CancellationToken);
        logger.LogDebug("{Uploads} upload(s) woke {WaitingCases} waiting case(s)", records.Length, waiters.Count);
    }

    /// <summary>
    /// Stay-down: content whose fingerprint matches removed content gets a case of its own, marked automated. Its id is
    /// derived from the matched case and the new content, so a redelivered upload maps to the same case.
    /// </summary>
    async Task OpenStayDownCases(ConsumeContext<Batch<ContentUploaded>> context, ContentRecord[] records)
    {
        var fingerprints = records.Where(r => !string.IsNullOrEmpty(r.Fingerprint)).Select(r => r.Fingerprint!).ToArray();
        if (fingerprints.Length == 0)
            return;
        var matches = await store.Fingerprints.Match(fingerprints, context.CancellationToken);
        if (matches.Count == 0)
            return;

        var banked = matches.ToDictionary(m => m.Fingerprint, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var commands = records
            .Where(r => r.Fingerprint is not null && banked.TryGetValue(r.Fingerprint, out var match) && match.ContentId != r.ContentId)
            .DistinctBy(r => r.ContentId, StringComparer.Ordinal)
            .Select(r =>
            {
                var match = banked[r.Fingerprint!];
                return new OpenCase
                {
                    CaseId = DeterministicId.ForStayDownCase(match.CaseId, r.ContentId),
                    NoticeId = match.NoticeId,
                    ContentId = r.ContentId,
                    ClaimType = Enum.Parse<ClaimType>(match.ClaimType),
                    FiledAt = r.UploadedAt,
                    ReceivedAt = now,
                    Automated = true,
                    MatchedCaseId = match.CaseId,
                };
            }).ToArray();
        if (commands.Length == 0)
            return;

        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        await caseSaga.SendBatch(commands, context.CancellationToken);
        ModerationMetrics.StayDownMatches.Add(commands.Length);
        foreach (var command in commands)
            logger.LogInformation("Content {ContentId} matches content removed in case {MatchedCaseId}: stay-down case {CaseId} opened",
                command.ContentId, command.MatchedCaseId, command.CaseId);
    }
}
