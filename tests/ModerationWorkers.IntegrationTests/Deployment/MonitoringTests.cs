using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using YamlDotNet.RepresentationModel;

namespace ModerationWorkers.IntegrationTests.Deployment;

/// <summary>
/// What operators page on, against a running host: every metric the Grafana dashboard and the alert rules name is
/// really exported (the host's /metrics after a case, and RabbitMQ's own rabbitmq_prometheus endpoint); the
/// OpenTelemetry resource names the service, its instance and its roles; and metrics and logs go over OTLP when asked.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class MonitoringTests : IAsyncLifetime
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    // Prometheus's own series: every scrape target has one.
    static readonly HashSet<string> PrometheusSeries = ["up"];

    ModerationSystem _system = null!;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alerts_name_is_exported_by_the_host_or_by_rabbitmq()
    {
        var port = OperationsTests.FreePort();
        await _system.StartHost(new Dictionary<string, string> { ["Observability__Port"] = port.ToString(CultureInfo.InvariantCulture) });
        var caseId = DeterministicId.ForCase("n-dash", "c-dash");
        await _system.Client.PublishRaw("ContentUploaded", Payloads.Upload("c-dash", "acct-dash"));
        await _system.Client.PublishRaw("NoticeFiled", Payloads.Notice("n-dash", "c-dash"));
        await _system.Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await _system.Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await _system.Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-dash");

        var host = await Wait.ForText(() => Http.GetStringAsync($"http://127.0.0.1:{port}/metrics"), "moderation_notice_to_removal_seconds_bucket");
        var rabbit = await Http.GetStringAsync("http://127.0.0.1:15692/metrics/detailed?family=queue_coarse_metrics");
        var exported = SeriesNames(host).Concat(SeriesNames(rabbit)).Concat(PrometheusSeries).ToHashSet(StringComparer.Ordinal);

        var queries = DashboardQueries().Concat(AlertQueries()).ToList();
        Assert.True(queries.Count > 20, "no queries found");
        var missing = queries.SelectMany(q => MetricNames(q).Where(n => !exported.Contains(n)).Select(n => $"{n} (in {q})")).Distinct().ToList();
        Assert.True(missing.Count == 0, "named but not exported:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task The_resource_names_the_service_from_otel_service_name_its_instance_and_its_roles()
    {
        var port = OperationsTests.FreePort();
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Observability__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["OTEL_SERVICE_NAME"] = "moderation-verdicts",
        }, "--roles", "verdicts,timers");

        var metrics = await Wait.ForText(() => Http.GetStringAsync($"http://127.0.0.1:{port}/metrics"), "target_info{");
        var info = metrics.Split('\n').Single(l => l.StartsWith("target_info{", StringComparison.Ordinal));
        Assert.Contains("service_name=\"moderation-verdicts\"", info, StringComparison.Ordinal);
        Assert.Contains("moderation_roles=\"timers,verdicts\"", info, StringComparison.Ordinal);
        Assert.Matches("service_instance_id=\"[^\"]+-[0-9]+\"", info);
        // Runtime metrics: the GC, the thread pool and the process.
        foreach (var runtime in new[] { "dotnet_gc_collections_total", "dotnet_thread_pool_thread_count", "dotnet_process_memory_working_set_bytes" })
            Assert.Contains(runtime, metrics, StringComparison.Ordinal);
        Assert.Contains("moderation_ready 1", await Wait.ForText(() => Http.GetStringAsync($"http://127.0.0.1:{port}/metrics"), "moderation_ready 1"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_and_logs_go_over_otlp_when_asked()
    {
        var otlpPort = OperationsTests.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{otlpPort}/");
        collector.Start();
        var paths = new System.Collections.Concurrent.ConcurrentBag<string>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                try
                {
                    var context = await collector.GetContextAsync();
                    paths.Add(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        });

        await _system.StartHost(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{otlpPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Observability__Otlp__Metrics"] = "true",
            ["Observability__Otlp__Logs"] = "true",
        }, "--roles", "verdicts");

        await Wait.Until(() => paths.Contains("/v1/metrics") && paths.Contains("/v1/logs"), TimeSpan.FromSeconds(30),
            "OTLP metrics and logs at the collector");
    }

    static IEnumerable<string> SeriesNames(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => SeriesName().Match(l).Value).Where(n => n.Length > 0);

    static IEnumerable<string> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "compose", "monitoring", "dashboard.json")));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!).ToList();
    }

    static IEnumerable<string> AlertQueries()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "compose", "monitoring", "alerts.yml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return root.Seq("groups").Children.Cast<YamlMappingNode>()
            .SelectMany(g => g.Seq("rules").Children.Cast<YamlMappingNode>())
            .Select(r => r.Text("expr")!).ToList();
    }

    /// <summary>The metric names a PromQL expression reads: no label matchers, grouping labels, functions, keywords or durations.</summary>
    internal static IEnumerable<string> MetricNames(string query)
    {
        var bare = LabelMatchers().Replace(StringLiterals().Replace(query, "\"\""), "");
        bare = Grouping().Replace(bare, "");
        return Identifier().Matches(bare)
            .Where(m => !PromQlWords.Contains(m.Value) && !bare[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value).Distinct();
    }

    static readonly HashSet<string> PromQlWords = ["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset"];

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SeriesName();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiterals();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
