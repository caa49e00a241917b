using MassTransit;
using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Redress intake: hands a counter-notice, appeal, complaint or legal action to its case, which holds the facts needed
/// to judge it. The public queue exists so that a raw JSON body is unambiguous; the case saga consumes the same contract type.
/// </summary>
public sealed class ForwardToCaseConsumer<T>() : ForwardConsumer<T>(QueueNames.CaseSaga)
    where T : class;

/// <summary>Operator intake: hands a <c>DismissStrike</c> to the account strikes saga, since issue 18.</summary>
public sealed class ForwardToAccountStrikesConsumer<T>() : ForwardConsumer<T>(QueueNames.AccountStrikes)
    where T : class;

/// <summary>Operator intake: hands a <c>LiftNotifierSuspension</c> to the notifier standing saga, since issue 18.</summary>
public sealed class ForwardToNotifierStandingConsumer<T>() : ForwardConsumer<T>(QueueNames.NotifierStanding)
    where T : class;

/// <summary>
/// Hands a public inbound message, unchanged, to the saga that owns it. The public queue consumes that one type only,
/// so a raw JSON body is unambiguous there; the saga's own queue holds the types of all it consumes.
/// </summary>
public abstract class ForwardConsumer<T>(string sagaQueue) : IConsumer<T>
    where T : class
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(sagaQueue));
        // With the publisher's own message id, when it set one, so the case can tell a redelivery from a second filing of
        // the same text. (MassTransit makes up an id for a raw body without one, a new one at every delivery.)
        var filingId = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit)
            ? rabbit.Properties.MessageId
            : context.MessageId?.ToString();
        await caseSaga.Send(context.Message, Pipe.Execute<SendContext<T>>(send =>
        {
            if (!string.IsNullOrEmpty(filingId))
                send.Headers.Set(FilingHeaders.FilingId, filingId);
        }), context.CancellationToken);
    }
}
