using System.Text.Json;
using RabbitMQ.Client;

namespace ModerationWorkers.Benchmarks;

/// <summary>
/// Publishes persistent messages with publisher confirms, keeping a window of outstanding confirms. The channel's
/// rate limiter starts delaying publishes once half its permits are taken, so it gets twice the window: a window at
/// or past the limiter's threshold collapses RabbitMQ.Client 7's throughput.
/// </summary>
public sealed class ConfirmingPublisher : IAsyncDisposable
{
    public const int Window = 256;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly IConnection _connection;
    readonly IChannel _channel;
    readonly Queue<Task> _outstanding = new();
    readonly SemaphoreSlim _gate = new(1, 1);

    ConfirmingPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<ConfirmingPublisher> Connect(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(Window * 2)));
        return new ConfirmingPublisher(connection, channel);
    }

    public Task PublishJson(string exchange, object body) =>
        Publish(exchange, string.Empty, JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json");

    public async Task Publish(string exchange, string routingKey, ReadOnlyMemory<byte> body, string contentType)
    {
        await _gate.WaitAsync();
        try
        {
            if (_outstanding.Count >= Window)
                await _outstanding.Dequeue();
            var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
            _outstanding.Enqueue(_channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body).AsTask());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for every outstanding confirm.</summary>
    public async Task Flush()
    {
        await _gate.WaitAsync();
        try
        {
            while (_outstanding.Count > 0)
                await _outstanding.Dequeue();
        }
        finally
        {
            _gate.Release();
        }
    }

    public IChannel Channel => _channel;

    public async ValueTask DisposeAsync()
    {
        await Flush();
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
