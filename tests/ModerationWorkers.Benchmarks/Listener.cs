using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ModerationWorkers.Benchmarks;

/// <summary>A downstream service: a queue of its own bound to one of the service's message exchanges.</summary>
public sealed class Listener : IAsyncDisposable
{
    readonly IConnection _connection;
    readonly IChannel _channel;

    Listener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<Listener> Start(string uri, string messageName, Func<ReadOnlyMemory<byte>, Task> onMessage, ushort prefetch = 200)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, prefetch, false);
        var exchange = $"ModerationWorkers.Contracts:{messageName}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = $"bench-{messageName}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, string.Empty);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await onMessage(delivery.Body);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return new Listener(connection, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
