using MassTransit;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Configuration;

/// <summary>Refuses an oversized body before any consumer sees it: to the error queue, with the size in the reason.</summary>
public sealed class MessageSizeFilter<T>(IOptions<LimitsOptions> limits) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var size = context.ReceiveContext.Body.Length ?? context.ReceiveContext.Body.GetBytes().LongLength;
        var max = limits.Value.MaxMessageBytes;
        return size > max
            ? throw new InvalidMessageException($"{typeof(T).Name} body is {size} bytes, over the limit of {max} (Limits:MaxMessageBytes).")
            : next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageSize");
}
