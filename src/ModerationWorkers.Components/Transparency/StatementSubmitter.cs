using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Policy.Transparency;

namespace ModerationWorkers.Components.Transparency;

/// <summary>What became of one statement: in the database (sent now, or found there under its puid), or refused.</summary>
public abstract record SubmissionOutcome
{
    public sealed record Submitted(string? Uuid, bool WasThereAlready) : SubmissionOutcome;

    public sealed record Rejected(string Reason) : SubmissionOutcome;
}

/// <summary>
/// Sends statements to the multiple-statement endpoint (<c>POST /api/v1/statements</c>), up to BatchSize per call and
/// at most RequestsPerSecond calls. The API takes a batch whole or not at all, so the batch is sent again without
/// what it names: statements it refuses for their content are answered as rejected, and puids it already has
/// (<c>existing_puids</c>) as submitted, which makes a resend after a crash harmless. Anything else (a timeout, 429,
/// 5xx, 401) is tried again with a growing delay, for as long as it takes: an outage pauses submission.
/// </summary>
public sealed class StatementSubmitter : BackgroundService
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

    readonly TransparencyDatabaseOptions _options;
    readonly ILogger<StatementSubmitter> _logger;
    readonly TimeProvider _clock;
    readonly HttpClient _http;
    readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    DateTimeOffset _lastCall = DateTimeOffset.MinValue;
    int _pending;

    public StatementSubmitter(IOptions<TransparencyDatabaseOptions> options, TimeProvider clock, ILogger<StatementSubmitter> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _http = new HttpClient { BaseAddress = new Uri(_options.Endpoint!.TrimEnd('/') + "/"), Timeout = _options.RequestTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        ModerationMetrics.ObservePendingStatements(() => _pending);
    }

    sealed record Pending(TransparencyStatement Statement, TaskCompletionSource<SubmissionOutcome> Outcome);

    /// <summary>Statements taken and not yet answered. Shown as moderation.transparency.pending.</summary>
    public int PendingCount => _pending;

    /// <summary>Queues a statement for the next batch; completes with its outcome, or cancelled with the caller.</summary>
    public Task<SubmissionOutcome> Submit(TransparencyStatement statement, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<SubmissionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = cancellationToken.Register(() => outcome.TrySetCanceled(cancellationToken));
        Interlocked.Increment(ref _pending);
        outcome.Task.ContinueWith(_ =>
        {
            cancelled.Dispose();
            Interlocked.Decrement(ref _pending);
        }, TaskScheduler.Default);
        _queue.Writer.TryWrite(new Pending(statement, outcome));
        return outcome.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = await NextBatch(stoppingToken);
            await SendUntilAnswered(batch, stoppingToken);
        }
    }

    async Task<List<Pending>> NextBatch(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(_options.BatchWindow);
        try
        {
            while (batch.Count < _options.BatchSize)
            {
                if (_queue.Reader.TryRead(out var next))
                    batch.Add(next);
                else if (batch.Count > 0 && _options.BatchWindow == TimeSpan.Zero)
                    break;
                else
                    await _queue.Reader.WaitToReadAsync(window.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The window closed: send what came.
        }

        return batch;
    }

    async Task SendUntilAnswered(List<Pending> batch, CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (true)
        {
            // One statement per puid: a message redelivered while its first copy waits shares that copy's answer.
            var byPuid = batch.Where(p => !p.Outcome.Task.IsCompleted).GroupBy(p => p.Statement.Puid, StringComparer.Ordinal).ToList();
            if (byPuid.Count == 0)
                return;

            var answer = await Call(byPuid.Select(g => g.First().Statement).ToList(), stoppingToken);
            switch (answer)
            {
                case Answer.Created created:
                    foreach (var group in byPuid)
                        Resolve(group, new SubmissionOutcome.Submitted(created.Uuids.GetValueOrDefault(group.Key), false));
                    return;
                case Answer.Refused refused:
                    for (var i = 0; i < byPuid.Count; i++)
                    {
                        if (refused.Existing.Contains(byPuid[i].Key))
                            Resolve(byPuid[i], new SubmissionOutcome.Submitted(null, true));
                        else if (refused.ByIndex.TryGetValue(i, out var reason))
                            Resolve(byPuid[i], new SubmissionOutcome.Rejected(reason));
                        else if (refused.Whole is { } whole)
                            Resolve(byPuid[i], new SubmissionOutcome.Rejected(whole));
                    }

                    delay = FirstRetry;
                    break;
                default:
                    await Task.Delay(delay, _clock, stoppingToken);
                    delay = delay * 2 > MaxRetry ? MaxRetry : delay * 2;
                    break;
            }
        }
    }

    static void Resolve(IEnumerable<Pending> group, SubmissionOutcome outcome)
    {
        foreach (var pending in group)
            pending.Outcome.TrySetResult(outcome);
    }

    abstract record Answer
    {
        public sealed record Created(Dictionary<string, string> Uuids) : Answer;

        /// <summary>A 422: puids the database has, statements it refuses by index, or a refusal of the whole call.</summary>
        public sealed record Refused(HashSet<string> Existing, Dictionary<int, string> ByIndex, string? Whole) : Answer;

        public sealed record TryAgain : Answer;
    }

    async Task<Answer> Call(List<TransparencyStatement> statements, CancellationToken stoppingToken)
    {
        await Pace(stoppingToken);
        try
        {
            using var response = await _http.PostAsJsonAsync("api/v1/statements", new { statements }, Json, stoppingToken);
            var body = await response.Content.ReadAsStringAsync(stoppingToken);
            if (response.StatusCode == HttpStatusCode.Created)
                return new Answer.Created(CreatedUuids(body));
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity && Refusal(body, statements.Count) is { } refused)
                return refused;

            _logger.LogWarning("The transparency database answered {Status} to {Count} statements; trying again", (int)response.StatusCode, statements.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            _logger.LogWarning("The transparency database did not answer {Count} statements ({Reason}); trying again", statements.Count, ex.Message);
        }

        return new Answer.TryAgain();
    }

    async Task Pace(CancellationToken stoppingToken)
    {
        var gap = TimeSpan.FromSeconds(1 / _options.RequestsPerSecond) - (_clock.GetUtcNow() - _lastCall);
        if (gap > TimeSpan.Zero)
            await Task.Delay(gap, _clock, stoppingToken);
        _lastCall = _clock.GetUtcNow();
    }

    static Dictionary<string, string> CreatedUuids(string body)
    {
        var uuids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("statements", out var created))
            foreach (var statement in created.EnumerateArray())
                if (statement.TryGetProperty("puid", out var puid) && statement.TryGetProperty("uuid", out var uuid))
                    uuids[puid.GetString()!] = uuid.GetString()!;
        return uuids;
    }

    /// <summary>Reads a 422: <c>errors.existing_puids</c>, <c>errors.statement_&lt;i&gt;</c>, or errors of the call itself.</summary>
    static Answer.Refused? Refusal(string body, int count)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
                return null;

            var existing = errors.TryGetProperty("existing_puids", out var puids)
                ? puids.EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            var byIndex = new Dictionary<int, string>();
            foreach (var error in errors.EnumerateObject())
                if (error.Name.StartsWith("statement_", StringComparison.Ordinal) && int.TryParse(error.Name["statement_".Length..], out var i) && i < count)
                    byIndex[i] = Messages(error.Value);

            var whole = existing.Count == 0 && byIndex.Count == 0 ? Messages(errors) : null;
            return new Answer.Refused(existing, byIndex, whole);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // {"field": ["message", ...], ...} as one line: "field: message; field: message".
    static string Messages(JsonElement fields) => string.Join("; ", fields.EnumerateObject().Select(f =>
        $"{f.Name}: {(f.Value.ValueKind == JsonValueKind.Array ? string.Join(" ", f.Value.EnumerateArray().Select(m => m.ToString())) : f.Value.ToString())}"));

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
