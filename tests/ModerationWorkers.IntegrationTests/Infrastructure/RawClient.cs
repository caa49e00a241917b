using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ModerationWorkers.SagaInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// A platform service that is not .NET: it publishes raw JSON to the message exchanges with plain RabbitMQ.Client,
/// and listens to the outbound exchanges as a downstream service would.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    public const string ContractsNamespace = "ModerationWorkers.Contracts";

    static readonly string[] Outbound =
    [
        "CaseOpened", "NoticeRejected", "RemoveContent", "RestrictAccount", "CaseClosed", "RestoreContent", "CounterNoticeReceived",
        "CounterNoticeRejected", "AppealOpened", "AppealRejected", "AppealDecided", "NotifierWarned", "NotifierSuspended", "LegalActionRejected",
        "NoticeDecided", "NoticeComplaintRejected", "NoticeRetractionRejected", "StrikeDismissed", "NotifierSuspensionLifted", "OverrideRejected",
    ];

    readonly IConnection _connection;
    readonly IChannel _channel;
    readonly ConcurrentQueue<(string Type, JsonElement Message)> _received = new();
    IChannel? _getChannel;
    IChannel? _listen;

    RawClient(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Connects, and listens to the outbound exchanges when <paramref name="listen"/> is set.</summary>
    public static async Task<RawClient> Connect(string amqpUri, bool listen = true)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(amqpUri),
            AutomaticRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500),
        };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var client = new RawClient(connection, channel);
        if (listen)
            await client.ListenToOutbound();
        return client;
    }

    /// <summary>Publishes, retrying while the broker is away (a restart, say): a platform service would do the same.</summary>
    public async Task PublishRawWithRetry(string messageName, object body, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await PublishRaw(messageName, body);
                return;
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.PublishException
                                          or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public static string Exchange(string messageName) => $"{ContractsNamespace}:{messageName}";

    /// <summary>Publishes a raw JSON body (content type application/json) to a message's exchange, confirmed.</summary>
    public Task PublishRaw(string messageName, object body) =>
        PublishBytes(messageName, JsonSerializer.SerializeToUtf8Bytes(body, MessageJson.Options), "application/json");

    /// <summary>Publishes raw JSON under a message id of the caller's choosing, or none at all (<see cref="string.Empty"/>).</summary>
    public Task PublishRaw(string messageName, object body, string messageId) =>
        PublishBytes(messageName, JsonSerializer.SerializeToUtf8Bytes(body, MessageJson.Options), "application/json", messageId: messageId);

    public async Task PublishBytes(string messageName, byte[] body, string contentType, IDictionary<string, object?>? headers = null, string? userId = null,
        string? messageId = null)
    {
        var properties = new BasicProperties
        {
            ContentType = contentType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = messageId is null ? Guid.NewGuid().ToString() : messageId.Length == 0 ? null : messageId,
            Headers = headers,
            UserId = userId,
        };
        await _channel.BasicPublishAsync(Exchange(messageName), string.Empty, mandatory: false, properties, body);
    }

    /// <summary>Messages seen on the outbound exchanges, as (message name, the envelope's message element).</summary>
    public IReadOnlyList<(string Type, JsonElement Message)> Received => _received.ToArray();

    public IReadOnlyList<T> All<T>() =>
        _received.Where(r => r.Type == typeof(T).Name).Select(r => r.Message.Deserialize<T>(MessageJson.Options)!).ToList();

    public async Task<T> WaitFor<T>(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = All<T>().FirstOrDefault(match);
            if (found is not null)
                return found;
            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"no matching {typeof(T).Name} arrived in time; received: {string.Join(", ", _received.Select(r => r.Type))}");
    }

    public async Task WaitForCount<T>(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (All<T>().Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"{All<T>().Count} of {count} {typeof(T).Name} arrived in time");
            await Task.Delay(50);
        }
    }

    /// <summary>Takes one message from a queue (an error queue, say), or null when it stays empty for the timeout.</summary>
    public async Task<BasicGetResult?> Take(string queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            // A get on a queue that does not exist yet (MassTransit creates _error queues on the first fault)
            // closes its channel, so gets use a channel of their own, made anew when needed.
            if (_getChannel is not { IsOpen: true })
                _getChannel = await _connection.CreateChannelAsync();
            try
            {
                var result = await _getChannel.BasicGetAsync(queue, autoAck: true);
                if (result is not null)
                    return result;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>Messages ready in a queue that exists (a passive declare, answered at once, unlike the management API's stats).</summary>
    public async Task<uint> MessageCount(string queue)
    {
        if (_getChannel is not { IsOpen: true })
            _getChannel = await _connection.CreateChannelAsync();
        return (await _getChannel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public static string Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), _ => value?.ToString() ?? string.Empty }
            : string.Empty;

    async Task ListenToOutbound()
    {
        var listen = await _connection.CreateChannelAsync();
        // Durable, so nothing published while this client reconnects after a broker restart is missed.
        var queue = $"observer-{Guid.NewGuid():N}";
        await listen.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var name in Outbound)
        {
            // Declared as MassTransit declares them, so whichever side comes first, both agree.
            await listen.ExchangeDeclareAsync(Exchange(name), ExchangeType.Fanout, durable: true, autoDelete: false);
            await listen.QueueBindAsync(queue, Exchange(name), string.Empty);
        }

        var consumer = new AsyncEventingBasicConsumer(listen);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var messageType = envelope.RootElement.GetProperty("messageType")[0].GetString()!;
            var name = messageType[(messageType.LastIndexOf(':') + 1)..];
            _received.Enqueue((name, envelope.RootElement.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await listen.BasicConsumeAsync(queue, autoAck: true, consumer);
        _listen = listen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_listen is not null)
            await _listen.DisposeAsync();
        if (_getChannel is not null)
            await _getChannel.DisposeAsync();
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
