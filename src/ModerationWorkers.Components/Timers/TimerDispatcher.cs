using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Timers;

/// <summary>
/// Fires the timers that sagas keep in their own documents. A timer is durable as soon as the state that set it
/// is committed, and fires after a restart, late rather than never. Delivery is at least once: the saga ignores a
/// timer that is no longer pending, so replicas of this role or a resend after a lost message are harmless.
/// </summary>
public sealed class TimerDispatcher(
    IModerationStore store,
    IBus bus,
    IOptions<WorkersOptions> options,
    TimeProvider clock,
    ILogger<TimerDispatcher> logger) : BackgroundService
{
    const int BatchSize = 500;
    static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);
    static readonly string CaseKind = SagaKindAttribute.Of<CaseState>();

    // When each due timer was last sent, so a timer still pending is not resent on every poll.
    readonly Dictionary<Guid, DateTimeOffset> _sent = [];
    readonly SemaphoreSlim _dispatching = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Timer dispatcher polls every {PollInterval}", options.Value.TimerPollInterval);
        using var timer = new PeriodicTimer(options.Value.TimerPollInterval, clock);
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

    async Task<int> DispatchDueOnce(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await store.Sagas.FindDueTimers(CaseKind, now, BatchSize, cancellationToken);
        var pending = due.Select(d => d.Id).ToHashSet();
        foreach (var id in _sent.Keys.Where(id => !pending.Contains(id)).ToArray())
            _sent.Remove(id);

        var endpoint = await bus.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        var sent = 0;
        foreach (var timer in due)
        {
            if (_sent.TryGetValue(timer.Id, out var at) && now - at < ResendAfter)
                continue;

            await endpoint.Send(new CaseTimerElapsed { CaseId = timer.Id, DueAt = timer.DueAt }, cancellationToken);
            _sent[timer.Id] = now;
            sent++;
        }

        return sent;
    }
}
