using MassTransit;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Guards a saga endpoint that takes one public event: the saga connects all its events to every endpoint, so a
/// message claiming any other type (an envelope naming an internal command, say) goes to the error queue with the
/// reason instead of reaching the saga.
/// </summary>
public sealed class SingleMessageTypeFilter<T> : IFilter<ConsumeContext>
    where T : class
{
    static readonly string TypeUrn = MessageUrn.ForTypeString<T>();

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var types = context.SupportedMessageTypes.ToArray();
        if (types.Length != 1 || types[0] != TypeUrn)
            throw new InvalidMessageException(
                $"This queue takes only {typeof(T).Name}; the message claims {(types.Length == 0 ? "no type" : string.Join(", ", types))}.");
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("singleMessageType");
}
