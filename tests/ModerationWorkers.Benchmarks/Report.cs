using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModerationWorkers.Benchmarks;

/// <summary>The figures of one benchmark session, as a markdown table and as bench-results.json.</summary>
public sealed class Report(
    BenchSettings settings,
    IReadOnlyList<CeilingRun> ceilingRuns,
    Figure intake,
    IReadOnlyList<CasesRun> cases,
    IReadOnlyList<CasesRun> scaled,
    IReadOnlyList<LatencyRun> latency)
{
    readonly Figure ceiling = Figure.Of(ceilingRuns.Select(c => c.MsgPerSec));

    Figure IntakeRatio => Figure.Of(intake.Values.Select(v => v / ceiling.Median));
    Figure CasesPerSec => Figure.Of(cases.Select(c => c.CasesPerSec));
    Figure MsgPerCase => Figure.Of(cases.Select(c => c.BrokerMsgPerCase));
    Figure CasesRatio => Figure.Of(cases.Select(c => c.BrokerMsgPerSec / ceiling.Median));
    Figure PeakWorkingSet => Figure.Of(cases.Select(c => c.PeakWorkingSetMb));
    Figure WorkerCpu => Figure.Of(cases.Select(c => c.WorkerCpuMsPerCase));
    Figure BrokerCpu => Figure.Of(cases.Select(c => c.BrokerCpuMsPerCase));
    Figure Speedup => Figure.Of(scaled.Select(s => s.CasesPerSec / CasesPerSec.Median));
    Figure P50 => Figure.Of(latency.Select(l => l.P50Ms));
    Figure P95 => Figure.Of(latency.Select(l => l.P95Ms));
    Figure P99 => Figure.Of(latency.Select(l => l.P99Ms));
    Figure CpuPerCase => Figure.Of(cases.Select(c => c.WorkerCpuMsPerCase + c.BrokerCpuMsPerCase));

    /// <summary>The broker's CPU per message in the ceiling runs, in µs.</summary>
    Figure CeilingBrokerUs => Figure.Of(ceilingRuns.Select(c => c.BrokerUsPerMessage));

    /// <summary>The ceiling again with envelope-sized bodies (issue 20): does a smaller message cost the broker less?</summary>
    public IReadOnlyList<CeilingRun> EnvelopeCeiling { get; init; } = [];

    Figure EnvelopeMsgPerSec => Figure.Of(EnvelopeCeiling.Select(c => c.MsgPerSec));
    Figure EnvelopeBrokerUs => Figure.Of(EnvelopeCeiling.Select(c => c.BrokerUsPerMessage));

    /// <summary>The peer scenario's runs (issue 20): the same flow on MassTransit alone.</summary>
    public IReadOnlyList<CasesRun> Peer { get; init; } = [];

    Figure PeerCasesPerSec => Figure.Of(Peer.Select(p => p.CasesPerSec));
    Figure PeerMsgPerCase => Figure.Of(Peer.Select(p => p.BrokerMsgPerCase));
    Figure PeerWorkerCpu => Figure.Of(Peer.Select(p => p.WorkerCpuMsPerCase));
    Figure PeerBrokerCpu => Figure.Of(Peer.Select(p => p.BrokerCpuMsPerCase));
    Figure PeerCpuPerCase => Figure.Of(Peer.Select(p => p.WorkerCpuMsPerCase + p.BrokerCpuMsPerCase));
    Figure PeerPeakWorkingSet => Figure.Of(Peer.Select(p => p.PeakWorkingSetMb));

    // Each of our runs over the peer's median, as the scale-out speed-up; its median is our median over the peer's.
    Figure RatioToPeer => Figure.Of(cases.Select(c => c.CasesPerSec / PeerCasesPerSec.Median));

    /// <summary>The history scenario's store, when it ran.</summary>
    public HistoryStore? History { get; init; }

    public IReadOnlyList<CasesRun> HistoryCases { get; init; } = [];

    public IReadOnlyList<LatencyRun> HistoryLatency { get; init; } = [];

    // Both ratios are "as good as the empty store" at 1.0: cases/s on the history store over the empty store's, and the
    // empty store's p99 over the history store's, so that a slower p99 on the history store gives a ratio below 1.
    Figure HistoryCasesRatio => Figure.Of(HistoryCases.Select(c => c.CasesPerSec / CasesPerSec.Median));
    Figure HistoryP99Ratio => Figure.Of(HistoryLatency.Select(l => P99.Median / l.P99Ms));

    /// <summary>Whether the peak working set kept growing (by more than 10 %) from each cases run to the next in the same process.</summary>
    bool Grows => cases.Zip(cases.Skip(1)).All(p => p.Second.PeakWorkingSetMb > p.First.PeakWorkingSetMb * 1.10);

    string Growth => cases.Count < 3 ? "not checked (fewer than 3 runs)" : Grows ? "GROWING" : "no growth";

    static double MemoryGb => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} cores, {MemoryGb:N1} GiB memory; broker on the same machine. {(settings.Smoke ? "SMOKE RUN: sizes too small to mean anything." : "")}"));
        text.AppendLine(Invariant($"Each figure is the median of {settings.Runs} run(s), with min and max."));
        text.AppendLine();
        text.AppendLine("| Figure | Median | Min | Max | Target |");
        text.AppendLine("|---|---:|---:|---:|---|");
        Row(text, "Ceiling: raw publish+consume, msg/s", ceiling, "N0", "");
        if (EnvelopeCeiling.Count > 0)
        {
            Row(text, "Ceiling: broker CPU per 300-byte message, µs", CeilingBrokerUs, "N0", "");
            Row(text, Invariant($"Ceiling with {Scenarios.EnvelopeBytes}-byte bodies, msg/s"), EnvelopeMsgPerSec, "N0", "");
            Row(text, Invariant($"Ceiling with {Scenarios.EnvelopeBytes}-byte bodies: broker CPU per message, µs"), EnvelopeBrokerUs, "N0", "");
        }

        // The targets are issue 20's, which tightened issue 6's.
        Row(text, "Intake: ContentUploaded stored, events/s", intake, "N0", "");
        Row(text, "Intake / ceiling", IntakeRatio, "P0", ">= 80 %");
        Row(text, "Cases closed, cases/s", CasesPerSec, "N0", ">= 650");
        Row(text, "Broker messages per case", MsgPerCase, "N1", "<= 7.0");
        Row(text, "Cases broker msg/s / ceiling", CasesRatio, "P0", "");
        Row(text, "Worker peak working set, MB", PeakWorkingSet, "N0", "<= 200");
        Row(text, "Worker CPU per case, ms", WorkerCpu, "N2", "");
        Row(text, "Broker CPU per case, ms", BrokerCpu, "N2", "");
        Row(text, "Worker plus broker CPU per case, ms", CpuPerCase, "N2", "<= 3.0");
        if (Peer.Count > 0)
        {
            Row(text, "Peer (MassTransit alone), cases/s", PeerCasesPerSec, "N0", "");
            Row(text, "Cases/s / peer", RatioToPeer, "P0", ">= 85 %");
            Row(text, "Peer: broker messages per case", PeerMsgPerCase, "N1", "");
            Row(text, "Peer: worker plus broker CPU per case, ms", PeerCpuPerCase, "N2", "");
        }

        Row(text, "Scale-out speed-up (2 saga processes)", Speedup, "N2", "");
        Row(text, Invariant($"Verdict to RemoveContent p50 at {settings.LatencyRate}/s, ms"), P50, "N1", "");
        Row(text, Invariant($"Verdict to RemoveContent p95 at {settings.LatencyRate}/s, ms"), P95, "N1", "");
        Row(text, Invariant($"Verdict to RemoveContent p99 at {settings.LatencyRate}/s, ms"), P99, "N1", "<= 25");
        if (History is { } history)
        {
            Row(text, Invariant($"History ({history.ClosedCases:N0} closed cases, {history.StoreMb:N0} MB): cases/s / empty store"), HistoryCasesRatio, "P0", ">= 90 %");
            Row(text, "History: empty store's p99 / history store's p99", HistoryP99Ratio, "P0", ">= 90 %");
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Peak working set per consecutive cases run in one process: {string.Join(", ", cases.Select(c => c.PeakWorkingSetMb.ToString("N0", CultureInfo.InvariantCulture)))} MB; {Growth}."));
        return text.ToString();
    }

    public string Json()
    {
        var root = new JsonObject
        {
            ["smoke"] = settings.Smoke,
            ["runs"] = settings.Runs,
            ["ceilingMsgPerSec"] = ceiling.Median,
            ["ceilingMsgPerSecMin"] = ceiling.Min,
            ["ceilingMsgPerSecMax"] = ceiling.Max,
            ["ceilingBrokerUsPerMessage"] = EnvelopeCeiling.Count > 0 ? CeilingBrokerUs.Median : null,
            ["envelopeCeiling"] = EnvelopeCeiling.Count == 0 ? null : new JsonObject
            {
                ["bytes"] = Scenarios.EnvelopeBytes,
                ["msgPerSec"] = EnvelopeMsgPerSec.Median,
                ["brokerUsPerMessage"] = EnvelopeBrokerUs.Median,
            },
            ["intake"] = new JsonObject
            {
                ["eventsPerSec"] = intake.Median, ["eventsPerSecMin"] = intake.Min, ["eventsPerSecMax"] = intake.Max,
                ["ratioToCeiling"] = IntakeRatio.Median,
            },
            ["cases"] = new JsonObject
            {
                ["casesPerSec"] = CasesPerSec.Median, ["casesPerSecMin"] = CasesPerSec.Min, ["casesPerSecMax"] = CasesPerSec.Max,
                ["brokerMsgPerCase"] = MsgPerCase.Median,
                ["ratioToCeiling"] = CasesRatio.Median,
                ["peakWorkingSetMb"] = PeakWorkingSet.Median,
                ["peakWorkingSetMbMax"] = PeakWorkingSet.Max,
                ["peakWorkingSetMbPerRun"] = new JsonArray(cases.Select(c => (JsonNode)c.PeakWorkingSetMb).ToArray()),
                ["workingSetGrowsAcrossRuns"] = cases.Count >= 3 ? Grows : null,
                ["workerCpuMsPerCase"] = WorkerCpu.Median,
                ["brokerCpuMsPerCase"] = BrokerCpu.Median,
                ["cpuMsPerCase"] = CpuPerCase.Median,
                ["ratioToPeer"] = Peer.Count > 0 ? CasesPerSec.Median / PeerCasesPerSec.Median : null,
            },
            ["peer"] = Peer.Count == 0 ? null : new JsonObject
            {
                ["casesPerSec"] = PeerCasesPerSec.Median, ["casesPerSecMin"] = PeerCasesPerSec.Min, ["casesPerSecMax"] = PeerCasesPerSec.Max,
                ["brokerMsgPerCase"] = PeerMsgPerCase.Median,
                ["workerCpuMsPerCase"] = PeerWorkerCpu.Median,
                ["brokerCpuMsPerCase"] = PeerBrokerCpu.Median,
                ["cpuMsPerCase"] = PeerCpuPerCase.Median,
                ["peakWorkingSetMb"] = PeerPeakWorkingSet.Median,
            },
            ["history"] = History is null ? null : new JsonObject
            {
                ["closedCases"] = History.ClosedCases,
                ["storeMb"] = Math.Round(History.StoreMb, 1),
                ["seedSeconds"] = Math.Round(History.SeedSeconds, 1),
                ["casesPerSec"] = Figure.Of(HistoryCases.Select(c => c.CasesPerSec)).Median,
                ["casesRatio"] = HistoryCasesRatio.Median,
                ["p99Ms"] = Figure.Of(HistoryLatency.Select(l => l.P99Ms)).Median,
                ["p99Ratio"] = HistoryP99Ratio.Median,
            },
            // Named for the rate the targets give; latencyRate says which rate ran (--latency-rate).
            ["latencyRate"] = settings.LatencyRate,
            ["latencyAt200"] = new JsonObject
            {
                ["p50Ms"] = P50.Median, ["p95Ms"] = P95.Median, ["p99Ms"] = P99.Median,
                ["p99MsMin"] = P99.Min, ["p99MsMax"] = P99.Max,
            },
            ["scaleOut"] = new JsonObject { ["speedup"] = Speedup.Median, ["speedupMin"] = Speedup.Min, ["speedupMax"] = Speedup.Max },
            ["machine"] = new JsonObject { ["cores"] = Environment.ProcessorCount, ["memoryGb"] = Math.Round(MemoryGb, 1) },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    static void Row(StringBuilder text, string name, Figure figure, string format, string target) =>
        text.AppendLine(Invariant($"| {name} | {figure.Median.ToString(format, CultureInfo.InvariantCulture)} | {figure.Min.ToString(format, CultureInfo.InvariantCulture)} | {figure.Max.ToString(format, CultureInfo.InvariantCulture)} | {target} |"));

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
