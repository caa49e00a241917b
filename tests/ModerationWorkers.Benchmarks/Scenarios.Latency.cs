using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace ModerationWorkers.Benchmarks;

/// <summary>Percentiles of one latency run, in milliseconds.</summary>
public sealed record LatencyRun(double P50Ms, double P95Ms, double P99Ms, long Samples);

static partial class Scenarios
{
    /// <summary>
    /// A steady generator of cases at a fixed rate; the time from a verdict's publish to its RemoveContent arriving at
    /// a downstream consumer, recorded in an HdrHistogram after a warm-up.
    /// </summary>
    public static async Task<LatencyRun> Latency(BenchSettings settings, string? database = null, string prefix = "l")
    {
        await using var broker = await Broker.CreateVhost(database is null ? "latency" : "history-latency");
        database ??= TempDatabase();
        await using var worker = await WorkerProcess.Start(broker.Uri, database);
        await using var platform = await ConfirmingPublisher.Connect(broker.Uri);
        await using var reviewerPublisher = await ConfirmingPublisher.Connect(broker.Uri);

        var warmupCases = (int)(settings.LatencyRate * settings.LatencyWarmup.TotalSeconds);
        var measuredCases = (int)(settings.LatencyRate * settings.LatencyDuration.TotalSeconds);
        var total = warmupCases + measuredCases;
        await PublishUploads(platform, $"{prefix}-c-", total, accounts: total);
        await WaitForStoredContent(database, $"{prefix}-c-", total);

        var verdictSentAt = new ConcurrentDictionary<Guid, (long Timestamp, bool Measured)>();
        var histogram = new LongHistogram(60_000_000, 3); // microseconds, up to a minute
        var received = 0;
        await using var reviewer = await Listener.Start(broker.Uri, "CaseOpened", body =>
        {
            var (caseId, contentId) = Envelope.CaseOf(body);
            var index = Envelope.IndexOf(contentId);
            verdictSentAt[caseId] = (Stopwatch.GetTimestamp(), index >= warmupCases);
            return reviewerPublisher.PublishJson("ModerationWorkers.Contracts:VerdictReached", new
            {
                caseId, verdict = "Infringing", reviewerId = "bench-reviewer", reason = "automatic", decidedAt = DateTimeOffset.UtcNow,
            });
        }, prefetch: 50);
        await using var downstream = await Listener.Start(broker.Uri, "RemoveContent", body =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var (caseId, _) = Envelope.CaseOf(body);
            if (verdictSentAt.TryGetValue(caseId, out var sent) && sent.Measured)
            {
                lock (histogram)
                    histogram.RecordValue((long)Stopwatch.GetElapsedTime(sent.Timestamp, arrived).TotalMicroseconds);
                Interlocked.Increment(ref received);
            }

            return Task.CompletedTask;
        }, prefetch: 50);

        // A steady rate: every 10 ms, the notices that are due by now.
        var interval = TimeSpan.FromMilliseconds(10);
        using var timer = new PeriodicTimer(interval);
        var started = Stopwatch.GetTimestamp();
        var sentNotices = 0;
        while (sentNotices < total && await timer.WaitForNextTickAsync())
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * settings.LatencyRate));
            for (; sentNotices < due; sentNotices++)
                await platform.PublishJson("ModerationWorkers.Contracts:NoticeFiled", Notice($"{prefix}-n-{sentNotices}", $"{prefix}-c-{sentNotices}"));
        }

        await platform.Flush();
        await WaitUntil(() => Volatile.Read(ref received) >= measuredCases, TimeSpan.FromMinutes(2), "every measured removal");

        const double MicrosecondsPerMillisecond = 1000.0;
        return new LatencyRun(
            histogram.GetValueAtPercentile(50) / MicrosecondsPerMillisecond,
            histogram.GetValueAtPercentile(95) / MicrosecondsPerMillisecond,
            histogram.GetValueAtPercentile(99) / MicrosecondsPerMillisecond,
            histogram.TotalCount);
    }
}
