using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Raw JSON for an endpoint that takes one public event, <typeparamref name="T"/>, beside other message types of
/// the same saga. A raw publisher sends no <c>MT-MessageType</c> header, and without one MassTransit offers the body
/// to every event of the saga. But the exchange a message came through names its type: a body that came through
/// <typeparamref name="T"/>'s contract exchange, or back through the default exchange in an operator's redrive, is
/// read as <typeparamref name="T"/> and nothing else, whatever header it carries. Publishers in any language need
/// nothing new.
/// </summary>
public sealed class ExchangeTypedJsonDeserializer<T> : ISerializerFactory, IMessageDeserializer
    where T : class
{
    /// <summary>The exchange MassTransit names after the message type, the one raw publishers write to.</summary>
    public static readonly string ContractExchange = $"{typeof(T).Namespace}:{typeof(T).Name}";

    static readonly string TypeUrn = MessageUrn.ForTypeString<T>();

    readonly SystemTextJsonRawMessageSerializer _raw = new();

    public ContentType ContentType => SystemTextJsonRawMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => _raw;

    public IMessageDeserializer CreateDeserializer() => this;

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
        var headers = NamesItsType(receiveContext) ? new TypedHeaders(receiveContext.TransportHeaders, TypeUrn) : receiveContext.TransportHeaders;
        return new BodyConsumeContext(receiveContext, _raw.Deserialize(receiveContext.Body, headers, receiveContext.InputAddress));
    }

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) => _raw.Deserialize(body, headers, destinationAddress);

    public MessageBody GetMessageBody(string text) => _raw.GetMessageBody(text);

    public void Probe(ProbeContext context) => context.CreateScope("exchangeTypedJson").Add("messageType", TypeUrn);

    // In memory there is no exchange to read, and the tests' messages carry their type.
    static bool NamesItsType(ReceiveContext context) =>
        context.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) && (rabbit.Exchange == ContractExchange || rabbit.Exchange.Length == 0);

    /// <summary>The transport headers, with the message type the exchange named in place of any the publisher set.</summary>
    sealed class TypedHeaders(Headers inner, string messageType) : Headers
    {
        public IEnumerable<KeyValuePair<string, object>> GetAll() =>
            inner.GetAll().Where(h => h.Key != MessageHeaders.MessageType).Append(new(MessageHeaders.MessageType, messageType));

        public bool TryGetHeader(string key, [NotNullWhen(true)] out object? value)
        {
            if (key == MessageHeaders.MessageType)
            {
                value = messageType;
                return true;
            }

            return inner.TryGetHeader(key, out value);
        }

        public TValue? Get<TValue>(string key, TValue? defaultValue = default)
            where TValue : class =>
            key == MessageHeaders.MessageType ? messageType as TValue ?? defaultValue : inner.Get(key, defaultValue);

        public TValue? Get<TValue>(string key, TValue? defaultValue = default)
            where TValue : struct =>
            inner.Get(key, defaultValue);

        public IEnumerator<HeaderValue> GetEnumerator() =>
            inner.Where(h => h.Key != MessageHeaders.MessageType).Append(new HeaderValue(MessageHeaders.MessageType, messageType)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
