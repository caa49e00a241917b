using MassTransit;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Configuration;

/// <summary>What every role's endpoint gets: prefetch, concurrency, queue type, and retry before dead-lettering.</summary>
static class EndpointConfiguration
{
    public static void Apply(IReceiveEndpointConfigurator endpoint, EndpointOptions options, RabbitMqOptions rabbitMq, IRegistrationContext context)
    {
        endpoint.UseConsumeFilter(typeof(MessageSizeFilter<>), context);
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
        });
    }
}
