using MassTransit;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Counts every failed consume attempt (moderation.consume.faults), retried or not, by queue and message type: the
/// signal before a message reaches its _error queue. MassTransit's own fault counters miss the messages refused by
/// filters before any consumer, such as an inbound event without its ids.
/// </summary>
sealed class ConsumeFaultCounter : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        var queue = context.ReceiveContext.InputAddress?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        ModerationMetrics.ConsumeFaults.Add(1, [new("queue", queue), new("message_type", typeof(T).Name), new("exception", exception.GetType().Name)]);
        return Task.CompletedTask;
    }
}
