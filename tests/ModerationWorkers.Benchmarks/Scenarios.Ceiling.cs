using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ModerationWorkers.Benchmarks;

static partial class Scenarios
{
    /// <summary>
    /// The broker's limit on this machine: raw RabbitMQ.Client, persistent 300-byte messages with confirms
    /// (a window of outstanding confirms), consumed with manual acks and prefetch, through one durable queue.
    /// </summary>
    public static async Task<double> Ceiling(BenchSettings settings)
    {
        await using var broker = await Broker.CreateVhost("ceiling");
        var factory = new ConnectionFactory { Uri = new Uri(broker.Uri) };
        await using var consumerConnection = await factory.CreateConnectionAsync();
        await using var consumerChannel = await consumerConnection.CreateChannelAsync();
        await consumerChannel.QueueDeclareAsync("ceiling", durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, 200, false);

        var count = settings.CeilingMessages;
        var warmup = count / 10;
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var measuredFrom = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            var n = Interlocked.Increment(ref received);
            if (n == warmup)
                measuredFrom.TrySetResult(Stopwatch.GetTimestamp());
            if (n == count)
                done.TrySetResult();
        };
        await consumerChannel.BasicConsumeAsync("ceiling", autoAck: false, consumer);

        await using var publisher = await ConfirmingPublisher.Connect(broker.Uri);
        var body = new byte[300];
        Random.Shared.NextBytes(body);
        for (var i = 0; i < count; i++)
            await publisher.Publish(string.Empty, "ceiling", body, "application/octet-stream");
        await publisher.Flush();
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));

        var start = await measuredFrom.Task;
        return (count - warmup) / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
