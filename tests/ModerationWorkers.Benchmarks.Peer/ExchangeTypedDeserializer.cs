using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>
/// Raw JSON for an endpoint of a saga with several events. A raw body carries no message type, so MassTransit would
/// offer it to every event of the saga; this takes the type from the exchange the delivery came through: a body from
/// <c>ModerationWorkers.Contracts:VerdictReached</c> is a <c>urn:message:ModerationWorkers.Contracts:VerdictReached</c>.
/// </summary>
public sealed class ExchangeTypedDeserializerFactory : ISerializerFactory
{
    readonly SystemTextJsonRawMessageSerializer _raw = new();
    readonly ExchangeTypedDeserializer _deserializer;

    public ExchangeTypedDeserializerFactory() => _deserializer = new ExchangeTypedDeserializer(_raw);

    public ContentType ContentType => SystemTextJsonRawMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => _raw;

    public IMessageDeserializer CreateDeserializer() => _deserializer;
}

sealed class ExchangeTypedDeserializer(SystemTextJsonRawMessageSerializer raw) : IMessageDeserializer
{
    public ContentType ContentType => raw.ContentType;

    public void Probe(ProbeContext context) => context.CreateScope("exchangeTypedJson").Add("contentType", ContentType.MediaType);

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
        var headers = receiveContext.TransportHeaders;
        // A body that names its own type keeps it; one from a message type's exchange gets that type.
        if (!headers.TryGetHeader(MessageHeaders.MessageType, out _)
            && receiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery)
            && delivery.Exchange.Contains(':', StringComparison.Ordinal))
            headers = new TypedHeaders(headers, $"urn:message:{delivery.Exchange}");

        return new BodyConsumeContext(receiveContext, raw.Deserialize(receiveContext.Body, headers, receiveContext.InputAddress));
    }

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
        raw.Deserialize(body, headers, destinationAddress);

    public MessageBody GetMessageBody(string text) => raw.GetMessageBody(text);

    /// <summary>The transport headers with a message type added.</summary>
    sealed class TypedHeaders(Headers inner, string messageType) : Headers
    {
        public IEnumerable<KeyValuePair<string, object>> GetAll() =>
            inner.GetAll().Append(new KeyValuePair<string, object>(MessageHeaders.MessageType, messageType));

        public bool TryGetHeader(string key, [NotNullWhen(true)] out object? value)
        {
            if (string.Equals(key, MessageHeaders.MessageType, StringComparison.OrdinalIgnoreCase))
            {
                value = messageType;
                return true;
            }

            return inner.TryGetHeader(key, out value);
        }

        public T? Get<T>(string key, T? defaultValue = null)
            where T : class =>
            string.Equals(key, MessageHeaders.MessageType, StringComparison.OrdinalIgnoreCase) ? messageType as T ?? defaultValue : inner.Get(key, defaultValue);

        public T? Get<T>(string key, T? defaultValue = null)
            where T : struct =>
            inner.Get(key, defaultValue);

        public IEnumerator<HeaderValue> GetEnumerator() =>
            GetAll().Select(pair => new HeaderValue(pair.Key, pair.Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
