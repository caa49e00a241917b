using System.Globalization;
using ModerationWorkers.Benchmarks;

// scripts/bench.sh [--smoke] [--runs N]: every scenario against a fresh vhost and store, figures as medians of the
// runs with min and max, printed as a markdown table and written to bench-results.json.
var settings = BenchSettings.Parse(args);
var log = (string text) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {text}");
log($"{(settings.Smoke ? "smoke" : "full")} benchmark, {settings.Runs} run(s) per figure, {Environment.ProcessorCount} cores");

// --only <scenario> runs one scenario, for profiling: its runs are logged, and no table or JSON is written.
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;
// --store mongodb runs the cases scenario on MongoDB: the other scenarios measure the broker or SQLite's own paths.
if (settings.MongoDbUri is not null)
{
    WorkerProcess.MongoDbUri = settings.MongoDbUri;
    only = "cases";
    log("store: MongoDB (--store mongodb); only the cases scenario runs");
}
bool Runs(string scenario) => only is null || only == scenario;

var ceiling = new List<CeilingRun>();
var envelopeCeiling = new List<CeilingRun>();
for (var i = 0; i < settings.Runs && Runs("ceiling"); i++)
{
    ceiling.Add(await Scenarios.Ceiling(settings));
    log($"ceiling run {i + 1}: {ceiling[^1].MsgPerSec:N0} msg/s, broker {ceiling[^1].BrokerUsPerMessage:N0} µs per message");
    // Issue 20: would smaller internal messages cost the broker less? The same, with bodies the size of an envelope.
    envelopeCeiling.Add(await Scenarios.Ceiling(settings, Scenarios.EnvelopeBytes));
    log($"ceiling run {i + 1} with {Scenarios.EnvelopeBytes}-byte bodies: {envelopeCeiling[^1].MsgPerSec:N0} msg/s, broker {envelopeCeiling[^1].BrokerUsPerMessage:N0} µs per message");
}

var intake = new List<double>();
for (var i = 0; i < settings.Runs && Runs("intake"); i++)
{
    intake.Add(await Scenarios.Intake(settings));
    log($"intake run {i + 1}: {intake[^1]:N0} events/s");
}

var cases = Runs("cases") ? await Scenarios.Cases(settings, sagaProcesses: 1) : [];
foreach (var run in cases)
    log($"cases run: {run.Summary}");

// The same flow on MassTransit alone (issue 20), right after ours: our cases/s are reported as a ratio of its.
var peer = Runs("peer") ? await Scenarios.Peer(settings) : [];
foreach (var run in peer)
    log($"peer run: {run.Summary}");

var scaled = Runs("scaleout") ? await Scenarios.Cases(settings, sagaProcesses: 2) : [];
foreach (var run in scaled)
    log($"scale-out run: {run.CasesPerSec:N0} cases/s");

var latency = new List<LatencyRun>();
for (var i = 0; i < settings.Runs && Runs("latency"); i++)
{
    latency.Add(await Scenarios.Latency(settings));
    log($"latency run {i + 1}: p50 {latency[^1].P50Ms:N1} ms, p99 {latency[^1].P99Ms:N1} ms over {latency[^1].Samples} cases");
}

// The cases and latency scenarios again, on a store that already holds a platform's history of closed cases.
HistoryStore? history = null;
var historyCases = new List<CasesRun>();
var historyLatency = new List<LatencyRun>();
if (Runs("history") && settings.MongoDbUri is null)
{
    history = await Scenarios.SeedHistory(settings.HistoryCases);
    log($"history store: {history.ClosedCases:N0} closed cases, {history.StoreMb:N0} MB, seeded in {history.SeedSeconds:N0} s");
    historyCases.AddRange(await Scenarios.Cases(settings, sagaProcesses: 1, history.Database));
    foreach (var run in historyCases)
        log($"history cases run: {run.CasesPerSec:N0} cases/s");
    for (var i = 0; i < settings.Runs; i++)
    {
        historyLatency.Add(await Scenarios.Latency(settings, history.Database, prefix: $"hl{i}"));
        log($"history latency run {i + 1}: p99 {historyLatency[^1].P99Ms:N1} ms");
    }
}

if (only is not null)
    return;

var report = new Report(settings, ceiling, Figure.Of(intake), cases, scaled, latency)
{
    EnvelopeCeiling = envelopeCeiling,
    Peer = peer,
    History = history,
    HistoryCases = historyCases,
    HistoryLatency = historyLatency,
};
Console.WriteLine(report.Markdown());
var path = Path.Combine(Directory.GetCurrentDirectory(), "bench-results.json");
await File.WriteAllTextAsync(path, report.Json());
log(string.Create(CultureInfo.InvariantCulture, $"wrote {path}"));

// The scenarios' SQLite files are of no use once the figures are out.
var scratch = Path.Combine(Path.GetTempPath(), "moderation-bench");
if (Directory.Exists(scratch))
    Directory.Delete(scratch, recursive: true);
