using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModerationWorkers.Benchmarks;

/// <summary>The figures of one benchmark session, as a markdown table and as bench-results.json.</summary>
public sealed class Report(
    BenchSettings settings,
    Figure ceiling,
    Figure intake,
    IReadOnlyList<CasesRun> cases,
    IReadOnlyList<CasesRun> scaled,
    IReadOnlyList<LatencyRun> latency)
{
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
        Row(text, "Intake: ContentUploaded stored, events/s", intake, "N0", "");
        Row(text, "Intake / ceiling", IntakeRatio, "P0", ">= 50 %");
        Row(text, "Cases closed, cases/s", CasesPerSec, "N0", ">= 1,000");
        Row(text, "Broker messages per case", MsgPerCase, "N1", "");
        Row(text, "Cases broker msg/s / ceiling", CasesRatio, "P0", ">= 30 %");
        Row(text, "Worker peak working set, MB", PeakWorkingSet, "N0", "<= 300");
        Row(text, "Worker CPU per case, ms", WorkerCpu, "N2", "");
        Row(text, "Broker CPU per case, ms", BrokerCpu, "N2", "");
        Row(text, "Scale-out speed-up (2 saga processes)", Speedup, "N2", "");
        Row(text, Invariant($"Verdict to RemoveContent p50 at {settings.LatencyRate}/s, ms"), P50, "N1", "");
        Row(text, Invariant($"Verdict to RemoveContent p95 at {settings.LatencyRate}/s, ms"), P95, "N1", "");
        Row(text, Invariant($"Verdict to RemoveContent p99 at {settings.LatencyRate}/s, ms"), P99, "N1", "<= 50");
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
            },
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
