using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// Takes <c>ApplyVerdict</c> only from the verdicts role, through <see cref="QueueNames.VerdictInbox"/>, which only that
/// role may write: a verdict from anywhere else would have skipped the verdict authority check. The exception is an
/// operator's redrive of a verdict that failed here (<c>MW-Redriven-By</c>, through the default exchange, which only
/// the operator may write); it is logged with the operator's name. Anything else is acked, logged and counted, like a
/// verdict from someone without authority, never dead-lettered, so that no redrive can launder it.
/// In-memory tests have no broker to name the exchange, and pass.
/// </summary>
public sealed class VerdictSourceFilter(ILogger logger) : IFilter<ConsumeContext<ApplyVerdict>>
{
    public Task Send(ConsumeContext<ApplyVerdict> context, IPipe<ConsumeContext<ApplyVerdict>> next)
    {
        if (!context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit))
            return next.Send(context);

        if (rabbit.Exchange == QueueNames.VerdictInbox)
            return next.Send(context);

        if (rabbit.Exchange.Length == 0 && context.Headers.Get<string>(RedriveHeaders.RedrivenBy) is { Length: > 0 } operatorName)
        {
            logger.LogWarning("Verdict for case {CaseId} by {ReviewerId} redriven by operator {Operator}",
                context.Message.CaseId, context.Message.ReviewerId, operatorName);
            return next.Send(context);
        }

        ModerationMetrics.VerdictsUnauthorised.Add(1);
        logger.LogWarning("ApplyVerdict for case {CaseId} by {ReviewerId} ignored: it came through exchange {Exchange}, not from the verdicts role",
            context.Message.CaseId, context.Message.ReviewerId, rabbit.Exchange.Length == 0 ? "(default)" : rabbit.Exchange);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("verdictSource");
}
