using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ModerationWorkers.Benchmarks;

/// <summary>One run of the ceiling: messages per second, and the broker's CPU per message over the same window.</summary>
public sealed record CeilingRun(double MsgPerSec, double BrokerUsPerMessage);

static partial class Scenarios
{
    /// <summary>The size of a MassTransit envelope of OpenCase as the workers send it (measured on the queue: indented JSON, issue 20).</summary>
    public const int EnvelopeBytes = 1465;

    /// <summary>
    /// The broker's limit on this machine: raw RabbitMQ.Client, persistent messages of <paramref name="bodyBytes"/>
    /// (300 for the ceiling) with confirms (a window of outstanding confirms), consumed with manual acks and prefetch,
    /// through one durable queue. Run again with envelope-sized bodies, it shows what a message's size costs the broker.
    /// </summary>
    public static async Task<CeilingRun> Ceiling(BenchSettings settings, int bodyBytes = 300)
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
        var measuredFrom = new TaskCompletionSource<(long Start, TimeSpan BrokerCpu)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            var n = Interlocked.Increment(ref received);
            if (n == warmup)
                measuredFrom.TrySetResult((Stopwatch.GetTimestamp(), CpuClock.Broker()));
            if (n == count)
                done.TrySetResult();
        };
        await consumerChannel.BasicConsumeAsync("ceiling", autoAck: false, consumer);

        await using var publisher = await ConfirmingPublisher.Connect(broker.Uri);
        var body = new byte[bodyBytes];
        Random.Shared.NextBytes(body);
        for (var i = 0; i < count; i++)
            await publisher.Publish(string.Empty, "ceiling", body, "application/octet-stream");
        await publisher.Flush();
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));

        var (brokerCpu, end) = (CpuClock.Broker(), Stopwatch.GetTimestamp());
        var (start, brokerCpuAtStart) = await measuredFrom.Task;
        var measured = count - warmup;
        return new CeilingRun(measured / Stopwatch.GetElapsedTime(start, end).TotalSeconds, (brokerCpu - brokerCpuAtStart).TotalMicroseconds / measured);
    }
}
