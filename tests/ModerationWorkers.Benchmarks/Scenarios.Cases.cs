using System.Diagnostics;

namespace ModerationWorkers.Benchmarks;

/// <summary>One measured run of the cases scenario.</summary>
public sealed record CasesRun(double CasesPerSec, double BrokerMsgPerCase, double BrokerMsgPerSec, double PeakWorkingSetMb,
    double WorkerCpuMsPerCase, double BrokerCpuMsPerCase)
{
    /// <summary>The run's figures on one progress line.</summary>
    public string Summary =>
        $"{CasesPerSec:N0} cases/s, {BrokerMsgPerCase:N1} broker msg/case, peak {PeakWorkingSetMb:N0} MB, CPU per case: worker {WorkerCpuMsPerCase:N2} ms, broker {BrokerCpuMsPerCase:N2} ms";
}

static partial class Scenarios
{
    /// <summary>
    /// Notices for known items, answered by an automatic reviewer (mixed verdicts, five cases per account so repeat
    /// infringers climb the ladder), until every case is closed. All runs happen in the same worker processes, so
    /// a growing working set from one run to the next shows.
    /// </summary>
    public static async Task<IReadOnlyList<CasesRun>> Cases(BenchSettings settings, int sagaProcesses, string? database = null)
    {
        await using var broker = await Broker.CreateVhost(database is not null ? "history" : sagaProcesses == 1 ? "cases" : "scaleout");
        database ??= TempDatabase();
        var workers = new List<WorkerProcess>();
        if (sagaProcesses == 1)
        {
            workers.Add(await WorkerProcess.Start(broker.Uri, database));
        }
        else
        {
            workers.Add(await WorkerProcess.Start(broker.Uri, database, "--roles", "content-intake,notice-intake,account-strikes,timers,redress,notifier-standing"));
            for (var i = 0; i < sagaProcesses; i++)
                workers.Add(await WorkerProcess.Start(broker.Uri, database, "--roles", "case-saga,verdicts"));
        }

        try
        {
            return await MeasureCases(settings, broker, workers, (prefix, count) => WaitForStoredContent(database, $"{prefix}-c-", count));
        }
        finally
        {
            foreach (var worker in workers)
                await worker.DisposeAsync();
        }
    }

    /// <summary>
    /// The cases scenario's measurement, against workers already started on <paramref name="broker"/>'s vhost: the
    /// reviewer and the downstream listener, a warm-up, then the measured runs. Each run's uploads are published first,
    /// and <paramref name="waitForUploads"/> (the run's prefix, its count) returns once the workers know them all.
    /// </summary>
    static async Task<IReadOnlyList<CasesRun>> MeasureCases(BenchSettings settings, Broker broker, IReadOnlyList<WorkerProcess> workers,
        Func<string, int, Task> waitForUploads)
    {
        await using var platform = await ConfirmingPublisher.Connect(broker.Uri);
        await using var reviewerPublisher = await ConfirmingPublisher.Connect(broker.Uri);
        var closed = 0;
        await using var reviewer = await Listener.Start(broker.Uri, "CaseOpened", body =>
        {
            var (caseId, contentId) = Envelope.CaseOf(body);
            var infringing = Envelope.IndexOf(contentId) % 3 != 0;
            return reviewerPublisher.PublishJson("ModerationWorkers.Contracts:VerdictReached", new
            {
                caseId,
                verdict = infringing ? "Infringing" : "NotInfringing",
                reviewerId = "bench-reviewer",
                reason = "automatic",
                decidedAt = DateTimeOffset.UtcNow,
            });
        });
        await using var downstream = await Listener.Start(broker.Uri, "CaseClosed", _ =>
        {
            Interlocked.Increment(ref closed);
            return Task.CompletedTask;
        });

        TimeSpan WorkersCpu() => workers.Aggregate(TimeSpan.Zero, (sum, worker) => sum + worker.CpuTime);

        // The CPU times cover the same window as the clock: from the first notice to the last case closed.
        async Task<(double Seconds, long Expected, TimeSpan WorkerCpu, TimeSpan BrokerCpu)> Run(string prefix, int count)
        {
            await PublishUploads(platform, $"{prefix}-c-", count, accounts: Math.Max(1, count / 5));
            await waitForUploads(prefix, count);
            var target = Volatile.Read(ref closed) + count;
            var (workerCpu, brokerCpu) = (WorkersCpu(), CpuClock.Broker());
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
                await platform.PublishJson("ModerationWorkers.Contracts:NoticeFiled", Notice($"{prefix}-n-{i}", $"{prefix}-c-{i}"));
            await platform.Flush();
            await WaitUntil(() => Volatile.Read(ref closed) >= target, TimeSpan.FromMinutes(10), $"{count} cases to close");
            return (Stopwatch.GetElapsedTime(start).TotalSeconds, target, WorkersCpu() - workerCpu, CpuClock.Broker() - brokerCpu);
        }

        await Run("warm", settings.CasesWarmup);
        var runs = new List<CasesRun>();
        for (var r = 1; r <= settings.Runs; r++)
        {
            var before = await broker.SettledPublishCount();
            foreach (var worker in workers)
                worker.ResetPeak();
            var prefix = $"run{r}";
            var (seconds, _, workerCpu, brokerCpu) = await Run(prefix, settings.Cases);
            var peak = workers.Max(w => w.PeakWorkingSetMb);
            var after = await broker.SettledPublishCount();
            // The run's uploads went through the broker too; they are not case traffic.
            var caseMessages = after - before - settings.Cases;
            runs.Add(new CasesRun(settings.Cases / seconds, (double)caseMessages / settings.Cases, caseMessages / seconds, peak,
                workerCpu.TotalMilliseconds / settings.Cases, brokerCpu.TotalMilliseconds / settings.Cases));
        }

        return runs;
    }

    static object Notice(string noticeId, string contentId) => new
    {
        noticeId,
        claimType = "Copyright",
        contentIds = new[] { contentId },
        // One notifier per notice. With a single notifier, a third of its notices unfounded and verdicts arriving in any
        // order, the first ten decided can reach the notice-abuse ratio and suspend it, and the rest of the run is rejected.
        notifier = new { name = "Bench Rights", email = $"{noticeId}@rights.example", role = "RightsHolder" },
        work = new { description = "A work", registrationNumber = "REG-1" },
        statements = new { goodFaith = true, accurate = true, authorized = true },
        signature = "Bench Rights",
        filedAt = DateTimeOffset.UtcNow,
    };

    static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }
}
