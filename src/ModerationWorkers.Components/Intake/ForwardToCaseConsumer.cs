using MassTransit;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Redress intake: hands a counter-notice, appeal or legal action to its case, which holds the facts needed to judge
/// it. The public queue exists so that a raw JSON body is unambiguous; the case saga consumes the same contract type.
/// </summary>
public sealed class ForwardToCaseConsumer<T> : IConsumer<T>
    where T : class
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        await caseSaga.Send(context.Message, context.CancellationToken);
    }
}
