using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Fires the timers that sagas keep in their own documents, for every timed kind in the registry (<see cref="SagaKinds.Timed"/>). A timer is durable as soon as the state that set it
/// is committed, and fires after a restart, late rather than never. Delivery is at least once: the saga ignores a
/// timer that is no longer pending, so replicas of this role or a resend after a lost message are harmless.
/// A timer still pending after it was sent (its message keeps failing, say) is resent with a growing delay, and the
/// pass walks on past it, page by page, so stuck timers never hold back the ones due after them.
/// </summary>
public sealed class TimerDispatcher(
    IModerationStore store,
    IBus bus,
    SagaTimers timers,
    StoreReadiness readiness,
    TimeProvider clock,
    ILogger<TimerDispatcher> logger) : BackgroundService
{
    const int PageSize = 500;
    const int MaxSendsPerPass = 500;
    const int MaxPagesPerPass = 40;
    static readonly TimeSpan FirstResend = TimeSpan.FromSeconds(30);
    static readonly TimeSpan MaxResend = TimeSpan.FromMinutes(15);

    sealed record Sent(DateTimeOffset At, int Times);

    // When each due timer was last sent and how often, so a timer still pending is resent with backoff, not every poll.
    readonly Dictionary<(SagaKind Kind, Guid Id), Sent> _sent = [];
    readonly SemaphoreSlim _dispatching = new(1, 1);

    /// <summary>Timers sent more than once and still pending: their message is failing. Shown as moderation.timers.retrying.</summary>
    public int Retrying { get; private set; }

    /// <summary>How long the oldest due timer had been due at the last pass, in seconds. Shown as moderation.timers.overdue.</summary>
    public double OverdueSeconds { get; private set; }

    DateTimeOffset? _oldestDue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WhenReady(stoppingToken);
        logger.LogInformation("Timer dispatcher polls every {PollInterval}", timers.PollInterval);
        SagaInfrastructureMetrics.ObserveRetryingTimers(() => Retrying);
        SagaInfrastructureMetrics.ObserveOverdueTimers(() => OverdueSeconds);
        using var timer = new PeriodicTimer(timers.PollInterval, clock);
        do
        {
            try
            {
                await DispatchDue(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store or the broker is away: the timers stay in the store, so the next poll picks them up.
                logger.LogWarning(ex, "Timer dispatch failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends the due timers once; one pass at a time, whoever calls it.</summary>
    public async Task<int> DispatchDue(CancellationToken cancellationToken)
    {
        await _dispatching.WaitAsync(cancellationToken);
        try
        {
            return await DispatchDueOnce(cancellationToken);
        }
        finally
        {
            _dispatching.Release();
        }
    }

    /// <summary>How long after its last send a still-pending timer is sent again: 30 s, doubling, at most 15 minutes.</summary>
    public static TimeSpan ResendAfter(int timesSent) =>
        TimeSpan.FromTicks(Math.Min(MaxResend.Ticks, FirstResend.Ticks << Math.Min(timesSent - 1, 10)));

    async Task<int> DispatchDueOnce(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        _oldestDue = null;
        foreach (var target in timers.Targets)
            sent += await DispatchKind(target, now, cancellationToken);
        Retrying = _sent.Values.Count(s => s.Times > 1);
        OverdueSeconds = _oldestDue is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        return sent;
    }

    async Task<int> DispatchKind(SagaTimerTarget target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(target.Destination);
        var seen = new HashSet<(SagaKind, Guid)>();
        var reachedEnd = false;
        var sent = 0;
        DueTimer? after = null;
        for (var page = 0; page < MaxPagesPerPass && sent < MaxSendsPerPass; page++)
        {
            var due = await store.Sagas.FindDueTimers(target.Kind, now, PageSize, after, cancellationToken);
            foreach (var timer in due)
            {
                if (_oldestDue is null || timer.DueAt < _oldestDue)
                    _oldestDue = timer.DueAt;
                var key = (target.Kind, timer.Id);
                seen.Add(key);
                if (sent >= MaxSendsPerPass)
                    break;
                if (_sent.TryGetValue(key, out var last) && now - last.At < ResendAfter(last.Times))
                    continue;

                if (last is not null)
                    logger.LogWarning("Timer of {SagaKind} {SagaId}, due at {DueAt}, is still pending after {Times} send(s): sending it again",
                        target.Kind.Name, timer.Id, timer.DueAt, last.Times);
                var message = target.Message(timer);
                await endpoint.Send(message, message.GetType(), cancellationToken);
                _sent[key] = new Sent(now, (last?.Times ?? 0) + 1);
                sent++;
            }

            if (due.Count < PageSize)
            {
                reachedEnd = true;
                break;
            }

            after = due[^1];
        }

        // Only a pass that saw every due timer knows which are no longer pending.
        if (reachedEnd)
        {
            foreach (var key in _sent.Keys.Where(key => key.Kind == target.Kind && !seen.Contains(key)).ToArray())
                _sent.Remove(key);
        }

        return sent;
    }
}
