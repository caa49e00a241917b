using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Intake;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Configuration;

/// <summary>What every role's endpoint gets: prefetch, concurrency, queue type, and retry before dead-lettering.</summary>
static class EndpointConfiguration
{
    /// <summary>An endpoint for one public inbound event: the event is checked before any consumer sees it.</summary>
    public static void ApplyInbound<TInbound>(IReceiveEndpointConfigurator endpoint, EndpointOptions options, RabbitMqOptions rabbitMq, LimitsOptions limits,
        IRegistrationContext context)
        where TInbound : class
    {
        endpoint.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TInbound>>(new InboundMessageFilter<TInbound>(limits.MaxMessageBytes)));
        Apply(endpoint, options, rabbitMq, context);
    }

    /// <summary>
    /// Binds the queue's inbox exchanges (<see cref="QueueNames.InboxesOf"/>) to it: the consumer declares them, so
    /// senders need no permission on the queue itself.
    /// </summary>
    public static void BindInboxes(IReceiveEndpointConfigurator endpoint)
    {
        foreach (var inbox in QueueNames.InboxesOf(QueueOf(endpoint)))
        {
            switch (endpoint)
            {
                case IRabbitMqReceiveEndpointConfigurator rabbit:
                    rabbit.Bind(inbox);
                    break;
                case IInMemoryReceiveEndpointConfigurator memory:
                    memory.Bind(inbox);
                    break;
            }
        }
    }

    /// <summary>
    /// A saga endpoint that also takes one public event from its contract exchange: bound to that exchange alone, raw
    /// JSON typed by the exchange it came through, the event checked like any inbound one, and any other message type
    /// refused.
    /// </summary>
    public static void ApplySagaInbound<TInbound>(IReceiveEndpointConfigurator endpoint, EndpointOptions options, RabbitMqOptions rabbitMq, LimitsOptions limits,
        IRegistrationContext context)
        where TInbound : class
    {
        switch (endpoint)
        {
            case IRabbitMqReceiveEndpointConfigurator rabbit:
                rabbit.Bind<TInbound>();
                break;
            case IInMemoryReceiveEndpointConfigurator memory:
                memory.Bind<TInbound>();
                break;
        }

        endpoint.AddDeserializer(new ExchangeTypedJsonDeserializer<TInbound>());
        ApplyInbound<TInbound>(endpoint, options, rabbitMq, limits, context);
        endpoint.UseFilter(new SingleMessageTypeFilter<TInbound>());
    }

    /// <summary>The endpoint's queue name, the last segment of its address on every transport.</summary>
    public static string QueueOf(IReceiveEndpointConfigurator endpoint) => QueueOf(endpoint.InputAddress);

    /// <summary>The queue an input address names, as a consumed message's <c>ReceiveContext.InputAddress</c>.</summary>
    public static string QueueOf(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    public static void Apply(IReceiveEndpointConfigurator endpoint, EndpointOptions options, RabbitMqOptions rabbitMq, IRegistrationContext context)
    {
        // Outermost, so a store outage pauses the endpoint instead of reaching the error queue once the retries run out.
        endpoint.UseFilter(new StoreCircuitFilter(context.GetRequiredService<StoreCircuits>().For(QueueOf(endpoint)), context.GetRequiredService<StoreReadiness>(),
            context.GetRequiredService<ILoggerFactory>().CreateLogger<StoreCircuitFilter>()));
        endpoint.PrefetchCount = options.PrefetchCount;
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        if (rabbitMq.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();

        // Retries hold the message unacked; when they run out, MassTransit moves it to <queue>_error with the
        // exception in its headers. A message that can never succeed skips the retries.
        endpoint.UseMessageRetry(retry =>
        {
            retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            retry.Ignore<InvalidMessageException>();
            retry.Ignore<System.Text.Json.JsonException>();
            retry.Ignore<Transparency.StatementRejectedException>();
        });
    }
}
