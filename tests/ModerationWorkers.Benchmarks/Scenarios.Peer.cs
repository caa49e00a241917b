namespace ModerationWorkers.Benchmarks;

static partial class Scenarios
{
    /// <summary>
    /// The cases scenario against the peer (issue 20): the same hop graph built with MassTransit alone, in-memory sagas
    /// and outbox, no store, policy or audit, on a fresh vhost of the same broker with the same reviewer, notices and
    /// uploads. Its cases per second are an upper bound on what this stack does with this flow.
    /// </summary>
    public static async Task<IReadOnlyList<CasesRun>> Peer(BenchSettings settings)
    {
        await using var broker = await Broker.CreateVhost("peer");
        await using var peer = await WorkerProcess.StartPeer(broker.Uri);
        // The peer keeps its uploads in memory, so there is no table to count: its content-intake queue is drained,
        // and its consumer has acknowledged every upload published so far.
        long uploads = 0;
        return await MeasureCases(settings, broker, [peer], (_, count) =>
            broker.WaitForConsumed("content-intake", uploads += count, TimeSpan.FromMinutes(10)));
    }
}
