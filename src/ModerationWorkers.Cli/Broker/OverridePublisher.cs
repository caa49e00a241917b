using System.Text.Json;
using ModerationWorkers.SagaInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ModerationWorkers.Cli.Broker;

/// <summary>
/// Publishes an operator's override as raw JSON to its contract exchange, as any platform would. The broker confirms
/// it, and it must reach a queue: an exchange that does not exist, or is bound to nothing, is an error, not a silent loss.
/// </summary>
public sealed class OverridePublisher(Uri amqpUri)
{
    public async Task Publish<T>(T command, CancellationToken cancellationToken)
        where T : class
    {
        var exchange = $"ModerationWorkers.Contracts:{typeof(T).Name}";
        await using var connection = await new ConnectionFactory { Uri = amqpUri, ClientProvidedName = "modctl" }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(command, MessageJson.Options);
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
        };
        try
        {
            await channel.BasicPublishAsync(exchange, string.Empty, mandatory: true, properties, body, cancellationToken);
        }
        catch (PublishReturnException)
        {
            throw new InvalidOperationException($"{exchange} is bound to no queue: start the role that consumes {typeof(T).Name} once, then try again.");
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            throw new InvalidOperationException($"{exchange} does not exist: start the role that consumes {typeof(T).Name} once, then try again.");
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 403)
        {
            throw new InvalidOperationException($"the broker user may not publish {typeof(T).Name}: use the operator user (RabbitMq:Uri).");
        }
    }
}
